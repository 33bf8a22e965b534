import Joi from 'joi';
import { LOG_LEVELS } from './log-levels';
import { NODE_ENVS } from './node-envs';

// host:port, where host is a name or an IPv4 address (IPv6 brokers are not used on the platform).
const BROKER = String.raw`[A-Za-z0-9.-]+:\d{1,5}`;
const BROKER_LIST = new RegExp(String.raw`^\s*${BROKER}\s*(,\s*${BROKER}\s*)*$`);

/**
 * Settings every service reads. The messages are written for the person starting the service and
 * never quote the value, since some settings are secrets.
 */
export const baseConfigSchema = Joi.object({
  SERVICE_NAME: Joi.string()
    .pattern(/^[a-z][a-z0-9-]*$/)
    .messages({ 'string.pattern.base': '{{#label}} must be lower-case letters, digits and dashes' }),
  PORT: Joi.number().port().messages({
    'number.base': '{{#label}} must be a port number',
    'number.port': '{{#label}} must be a port number',
  }),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .required()
    .messages({
      'string.uriCustomScheme': '{{#label}} must be a postgres:// or postgresql:// URL',
      'string.uri': '{{#label}} must be a postgres:// or postgresql:// URL',
    }),
  KAFKA_BROKERS: Joi.string()
    .pattern(BROKER_LIST)
    .required()
    .messages({ 'string.pattern.base': '{{#label}} must be a comma-separated list of host:port' }),
  JWT_SECRET: Joi.string()
    .min(32)
    .required()
    .messages({ 'string.min': '{{#label}} must be at least {{#limit}} characters long' }),
  LOG_LEVEL: Joi.string()
    .valid(...LOG_LEVELS)
    .default('info')
    .messages({ 'any.only': `{{#label}} must be one of ${LOG_LEVELS.join(', ')}` }),
  NODE_ENV: Joi.string()
    .valid(...NODE_ENVS)
    .default('development')
    .messages({ 'any.only': `{{#label}} must be one of ${NODE_ENVS.join(', ')}` }),
}).messages({
  // Shared by every key, including those a service adds with its own schema.
  'any.required': '{{#label}} is required',
  'string.empty': '{{#label}} is required',
});
