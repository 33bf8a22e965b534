import Joi from 'joi';

/** Settings of the community service beyond the platform's base settings. */
export const communityConfigSchema = Joi.object({
  PORT: Joi.number().port().default(3003),
  SERVICE_NAME: Joi.string().default('community'),
});
