import type { ConfigService } from '@nestjs/config';
import type { LogLevel } from './log-levels';
import type { NodeEnv } from './node-envs';

/** The base settings, typed and parsed. */
export interface BaseConfig {
  serviceName?: string;
  port?: number;
  databaseUrl: string;
  kafkaBrokers: string[];
  jwtSecret: string;
  logLevel: LogLevel;
  nodeEnv: NodeEnv;
}

/** Reads the base settings from a ConfigService built by createConfigModule (so already validated). */
export function readBaseConfig(config: ConfigService): BaseConfig {
  const port = config.get<number | string>('PORT');
  return {
    serviceName: config.get<string>('SERVICE_NAME'),
    port: port === undefined ? undefined : Number(port),
    databaseUrl: config.getOrThrow<string>('DATABASE_URL'),
    kafkaBrokers: config
      .getOrThrow<string>('KAFKA_BROKERS')
      .split(',')
      .map((broker) => broker.trim()),
    jwtSecret: config.getOrThrow<string>('JWT_SECRET'),
    logLevel: config.get<LogLevel>('LOG_LEVEL') ?? 'info',
    nodeEnv: config.get<NodeEnv>('NODE_ENV') ?? 'development',
  };
}
