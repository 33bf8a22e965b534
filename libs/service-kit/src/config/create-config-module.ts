import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type Joi from 'joi';
import { baseConfigSchema } from './base-config.schema';
import { validateConfig } from './validate-config';

/**
 * The global ConfigModule of a service: the base settings plus the service's own. A bad setting
 * makes startup fail with a ConfigurationError, which bootstrapService prints as one line before
 * exiting with code 1.
 */
export function createConfigModule(extraSchema?: Joi.ObjectSchema): Promise<DynamicModule> {
  const schema = extraSchema ? baseConfigSchema.concat(extraSchema) : baseConfigSchema;
  const module = ConfigModule.forRoot({
    isGlobal: true,
    cache: true,
    validate: (env) => validateConfig(env, schema),
  });
  // forRoot validates right away, while the AppModule decorator is evaluated, but Nest only awaits
  // the promise later while scanning modules. Marking it handled here keeps Node from reporting an
  // unhandled rejection (and crashing with a stack trace) in between; Nest still sees the error.
  module.catch(() => undefined);
  return module;
}
