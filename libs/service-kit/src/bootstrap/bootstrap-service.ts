import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { Server } from 'node:http';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { createLogger, PlatformNestLogger, setServiceName, type Logger } from '@socialmakers/logging';
import { ConfigurationError } from '../config/configuration.error';
import { configureHttpApp } from './configure-http-app';
import { setupSwagger } from './swagger';

export interface BootstrapOptions {
  /** The service's name: the OpenAPI title and log lines use it. */
  name: string;
  appModule: Type<unknown> | DynamicModule;
  /** Used when PORT is not set. */
  defaultPort: number;
  /**
   * Attaches transports such as the Kafka consumer (app.connectMicroservice) before they start;
   * whatever it returns (the INestMicroservice, a promise) is awaited and otherwise ignored.
   */
  connectMicroservices?: (app: INestApplication) => unknown;
}

/**
 * Starts a service the platform way: platform logger, HTTP conventions, OpenAPI at /docs,
 * graceful shutdown, microservices, then the HTTP port. When the service cannot start, it says
 * why in one line and exits with code 1, so an orchestrator restarts it and a person sees the cause.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  setServiceName(options.name);
  const logger = createLogger('bootstrap');
  try {
    const app = await NestFactory.create(options.appModule, {
      logger: new PlatformNestLogger(),
      bufferLogs: true,
      // Without this Nest calls process.abort() on a startup error (exit 134 and a core dump).
      abortOnError: false,
      // Nest logs a startup error itself, stack and all; left in the buffer, that report is never
      // printed and the catch below reports the error once. flushLogs() prints the rest on success.
      autoFlushLogs: false,
    });
    app.flushLogs();
    configureHttpApp(app);
    setupSwagger(app, options.name);
    await options.connectMicroservices?.(app);
    await app.startAllMicroservices();
    const port = portOf(app) ?? options.defaultPort;
    await app.listen(port);
    drainOnSignals(app, logger);
    logger.info({ url: await app.getUrl() }, 'listening');
    return app;
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      logger.fatal({ err: error }, `${options.name} service could not start`);
    }
    process.exit(1);
  }
}

/**
 * Graceful shutdown in the order that loses nothing: stop taking HTTP requests and let those in
 * flight finish, then app.close() runs the lifecycle hooks (consumers finish their batch and stop,
 * the relay finishes its round, the producer flushes) and finally closes the database pool. Nest's
 * own enableShutdownHooks() would close the HTTP server last, after the pool.
 */
function drainOnSignals(app: INestApplication, logger: Logger): void {
  let draining = false;
  const drain = async (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    logger.info({ signal }, 'shutting down');
    const server = app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // The signal reaches onApplicationShutdown hooks (the public type does not declare it).
    await (app as unknown as { close(signal?: string): Promise<void> }).close(signal);
    logger.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void drain(s));
}

function portOf(app: INestApplication): number | undefined {
  let config: ConfigService | undefined;
  try {
    config = app.get(ConfigService, { strict: false });
  } catch {
    // A service without createConfigModule: only process.env is left.
  }
  const port = config ? config.get<number | string>('PORT') : process.env.PORT;
  return port === undefined || port === '' ? undefined : Number(port);
}
