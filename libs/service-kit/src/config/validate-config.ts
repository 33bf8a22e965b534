import type Joi from 'joi';
import { ConfigurationError } from './configuration.error';

/**
 * Checks the environment against a schema and returns it with defaults applied and numbers
 * converted. Pure, so the messages are testable without starting anything.
 *
 * @throws ConfigurationError naming every bad setting, not only the first.
 */
export function validateConfig(env: Record<string, unknown>, schema: Joi.ObjectSchema): Record<string, unknown> {
  const { error, value } = schema.validate(env, {
    abortEarly: false,
    // The environment holds PATH, HOME and the rest; only our keys are checked.
    allowUnknown: true,
    convert: true,
    errors: { wrap: { label: false } },
  });
  if (error) throw new ConfigurationError(error.details.map((detail) => detail.message));
  return value as Record<string, unknown>;
}
