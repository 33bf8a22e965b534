import Joi from 'joi';

const serviceUrl = (port: number) =>
  Joi.string()
    .uri({ scheme: ['http'] })
    .default(`http://127.0.0.1:${port}`)
    .messages({ 'string.uri': '{{#label}} must be an http:// URL', 'string.uriCustomScheme': '{{#label}} must be an http:// URL' });

const positive = (fallback: number) => Joi.number().integer().positive().default(fallback);

/** Settings of the gateway beyond the platform's base settings. */
export const gatewayConfigSchema = Joi.object({
  PORT: Joi.number().port().default(3000),
  SERVICE_NAME: Joi.string().default('gateway'),
  // Where the four services answer; the gateway strips /api/<service> and forwards the rest.
  LEARNING_URL: serviceUrl(3001),
  EVENTS_URL: serviceUrl(3002),
  COMMUNITY_URL: serviceUrl(3003),
  ANALYTICS_URL: serviceUrl(3004),
  /** The built console (npm run build:console); relative paths are taken from the working directory. */
  CONSOLE_DIR: Joi.string().default('dist/apps/console'),
  /** The address people reach the gateway at, used in password-reset links. */
  PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
  /** smtp:// or smtps:// URL of the mail server for reset links; without it the link is logged (local mode). */
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .optional()
    .messages({ 'string.uriCustomScheme': '{{#label}} must be an smtp:// or smtps:// URL' }),
  MAIL_FROM: Joi.string().default('Social(i)Makers <no-reply@socialmakers.local>'),
  ACCESS_TOKEN_TTL_SECONDS: positive(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: positive(30 * 24 * 3600),
  PASSWORD_RESET_TTL_SECONDS: positive(30 * 60),
  /** Failed sign-ins within the window that lock the account, and for how long. */
  LOCKOUT_MAX_FAILURES: positive(5),
  LOCKOUT_WINDOW_SECONDS: positive(15 * 60),
  LOCKOUT_SECONDS: positive(15 * 60),
  /** Requests per minute and client address: everything under /api, and sign-in, sign-up and reset requests. */
  RATE_LIMIT_PER_MINUTE: positive(1200),
  AUTH_RATE_LIMIT_PER_MINUTE: positive(20),
  /** Largest request body forwarded to a service (imports carry whole CSV files) and accepted by the accounts API. */
  PROXY_BODY_LIMIT_BYTES: positive(10 * 1024 * 1024),
  API_BODY_LIMIT_BYTES: positive(16 * 1024),
  /** Express's trust proxy setting: the number of proxies in front of the gateway, so rate limits see the client's address. */
  TRUST_PROXY_HOPS: Joi.number().integer().min(0).default(0),
});
