import Joi from 'joi';

/** Settings of the analytics service beyond the platform's base settings. */
export const analyticsConfigSchema = Joi.object({
  PORT: Joi.number().port().default(3004),
  SERVICE_NAME: Joi.string().default('analytics'),
});
