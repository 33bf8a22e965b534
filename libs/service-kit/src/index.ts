// Public API of @socialmakers/service-kit: what every service's main.ts and AppModule use, so the
// services hold only their domain.

// Configuration
export { baseConfigSchema } from './config/base-config.schema';
export { createConfigModule } from './config/create-config-module';
export { validateConfig } from './config/validate-config';
export { ConfigurationError } from './config/configuration.error';
export { readBaseConfig, type BaseConfig } from './config/read-base-config';
export { LOG_LEVELS, type LogLevel } from './config/log-levels';
export { NODE_ENVS, type NodeEnv } from './config/node-envs';

// Errors: one problem-details shape for every 4xx/5xx
export { ProblemDetailsFilter } from './errors/problem-details.filter';
export {
  DomainError,
  BadRequestError,
  UnauthenticatedError,
  NotFoundError,
  ConflictError,
  GoneError,
  PayloadTooLargeError,
  UnprocessableError,
  LockedError,
  TooManyRequestsError,
  BadGatewayError,
  ServiceUnavailableError,
} from './errors/domain-error';
export { PROBLEM_CONTENT_TYPE, type ProblemDetails, type FieldError } from './errors/problem-details';

// Validation
export { createValidationPipe } from './validation/create-validation-pipe';
export { ValidationFailedException } from './validation/validation-failed.exception';

// Request context
export { createRequestIdMiddleware } from './request-context/request-id.middleware';
export { REQUEST_ID_HEADER, resolveRequestId } from './request-context/request-id';

// Health
export { HealthModule } from './health/health.module';
export type { HealthModuleOptions, HealthCheckName } from './health/health-options';
export { BROKER_PROBE, type BrokerProbe } from './health/broker-probe';

// Bootstrap
export { bootstrapService, type BootstrapOptions } from './bootstrap/bootstrap-service';
export { configureHttpApp, type HttpAppOptions } from './bootstrap/configure-http-app';
export { createSwaggerDocument } from './bootstrap/swagger';
