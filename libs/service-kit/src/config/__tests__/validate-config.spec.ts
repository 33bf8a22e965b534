import { ConfigService } from '@nestjs/config';
import { baseConfigSchema, ConfigurationError, readBaseConfig, validateConfig } from '@socialmakers/service-kit';
import Joi from 'joi';

const valid = {
  DATABASE_URL: 'postgres://learning:secret@localhost:5432/learning',
  KAFKA_BROKERS: 'localhost:9092, kafka-2:9093',
  JWT_SECRET: 'x'.repeat(32),
};

function messageFor(env: Record<string, unknown>, schema = baseConfigSchema): string {
  try {
    validateConfig(env, schema);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('validateConfig', () => {
  it('accepts a valid environment, applies defaults and converts PORT', () => {
    const config = validateConfig({ ...valid, PORT: '3001', PATH: '/usr/bin' }, baseConfigSchema);
    expect(config).toMatchObject({ PORT: 3001, LOG_LEVEL: 'info', NODE_ENV: 'development', PATH: '/usr/bin' });
  });

  it('names every bad setting in one line', () => {
    expect(messageFor({ DATABASE_URL: valid.DATABASE_URL, JWT_SECRET: valid.JWT_SECRET, PORT: 'eighty' })).toBe(
      'Configuration error: PORT must be a port number; KAFKA_BROKERS is required',
    );
  });

  it('explains each rule without quoting the value', () => {
    const message = messageFor({
      SERVICE_NAME: 'Learning Service',
      PORT: '70000',
      DATABASE_URL: 'mysql://db/learning',
      KAFKA_BROKERS: 'localhost',
      JWT_SECRET: 'short-secret',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
    });
    expect(message).toBe(
      'Configuration error: SERVICE_NAME must be lower-case letters, digits and dashes; ' +
        'PORT must be a port number; DATABASE_URL must be a postgres:// or postgresql:// URL; ' +
        'KAFKA_BROKERS must be a comma-separated list of host:port; JWT_SECRET must be at least 32 characters long; ' +
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; ' +
        'NODE_ENV must be one of development, test, production',
    );
    expect(message).not.toContain('short-secret');
  });

  it('treats an empty setting as missing', () => {
    expect(messageFor({ ...valid, JWT_SECRET: '' })).toBe('Configuration error: JWT_SECRET is required');
  });

  it('adds a service schema to the base one, with the same wording', () => {
    const schema = baseConfigSchema.concat(Joi.object({ MATCHMAKING_BATCH_SIZE: Joi.number().integer().required() }));
    expect(messageFor(valid, schema)).toBe('Configuration error: MATCHMAKING_BATCH_SIZE is required');
  });
});

describe('readBaseConfig', () => {
  it('returns typed settings with the broker list split', () => {
    const config = new ConfigService(validateConfig({ ...valid, PORT: '3001' }, baseConfigSchema));
    expect(readBaseConfig(config)).toEqual({
      serviceName: undefined,
      port: 3001,
      databaseUrl: valid.DATABASE_URL,
      kafkaBrokers: ['localhost:9092', 'kafka-2:9093'],
      jwtSecret: valid.JWT_SECRET,
      logLevel: 'info',
      nodeEnv: 'development',
    });
  });
});
