import Joi from 'joi';

/** Settings of the analytics service beyond the platform's base settings. */
export const analyticsConfigSchema = Joi.object({
  PORT: Joi.number().port().default(3004),
  SERVICE_NAME: Joi.string().default('analytics'),
  /** The platform's public address: the home page of xAPI accounts and the root of activity IRIs. */
  XAPI_HOME_PAGE: Joi.string().uri({ scheme: ['https', 'http'] }).default('https://socialmakers.eu'),
});
