import Joi from 'joi';

/** Settings of the learning service beyond the platform's base settings. */
export const learningConfigSchema = Joi.object({
  PORT: Joi.number().port().default(3001),
  SERVICE_NAME: Joi.string().default('learning'),
  /** The public address of this service, used in certificates' and learner records' URLs. */
  LEARNING_PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
});
