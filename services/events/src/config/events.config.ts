import Joi from 'joi';

/** Settings of the events service beyond the platform's base settings. */
export const eventsConfigSchema = Joi.object({
  PORT: Joi.number().port().default(3002),
  SERVICE_NAME: Joi.string().default('events'),
});
