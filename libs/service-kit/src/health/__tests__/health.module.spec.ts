import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule } from '@socialmakers/auth';
import { BROKER_PROBE, configureHttpApp, HealthModule, type BrokerProbe } from '@socialmakers/service-kit';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createMemoryLogger } from '../../__tests__/memory-logger';

const broker = { ping: jest.fn<Promise<void>, []>() } satisfies BrokerProbe;
const database = { options: { type: 'postgres' }, query: jest.fn<Promise<unknown>, [string]>() };

// Stands in for the messaging library (BROKER_PROBE) and TypeOrmModule (the DataSource), both of
// which provide globally in a real service.
@Global()
@Module({
  providers: [
    { provide: BROKER_PROBE, useValue: broker },
    { provide: DataSource, useValue: database },
  ],
  exports: [BROKER_PROBE, DataSource],
})
class FakeInfrastructureModule {}

async function startApp(imports: unknown[]): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AuthModule.forRoot({ secret: 'x'.repeat(32) }), ...(imports as [])],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureHttpApp(app, { logger: createMemoryLogger().logger });
  return app.init();
}

describe('HealthModule', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApp([FakeInfrastructureModule, HealthModule.forRoot()]);
  });

  afterAll(() => app.close());

  beforeEach(() => {
    broker.ping.mockResolvedValue(undefined);
    database.query.mockResolvedValue([{ '?column?': 1 }]);
  });

  it('answers 200 without a token when database and broker are up', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, broker: { status: 'up' } },
    });
    expect(database.query).toHaveBeenCalledWith('SELECT 1');
  });

  it('answers 503 problem+json naming what is down, with every check in details', async () => {
    broker.ping.mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:9092'));
    const response = await request(app.getHttpServer()).get('/health').expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 503,
      code: 'UNHEALTHY',
      detail: 'Not ready to serve requests: broker is down (connect ECONNREFUSED 127.0.0.1:9092).',
      checks: {
        database: { status: 'up' },
        broker: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:9092' },
      },
    });
  });

  it('reports the database as down when it does not answer', async () => {
    database.query.mockRejectedValue(new Error('terminating connection'));
    const response = await request(app.getHttpServer()).get('/health').expect(503);
    expect(response.body.checks.database).toEqual({ status: 'down' });
    expect(response.body.checks.broker).toEqual({ status: 'up' });
  });

  it('answers the liveness probe from the process alone', async () => {
    broker.ping.mockRejectedValue(new Error('down'));
    database.query.mockRejectedValue(new Error('down'));
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });
});

describe('HealthModule.forRoot({ checks })', () => {
  it('checks only what it is told to, and times out a probe that hangs', async () => {
    const hanging: BrokerProbe = { ping: () => new Promise(() => undefined) };
    @Module({ providers: [{ provide: BROKER_PROBE, useValue: hanging }], exports: [BROKER_PROBE] })
    class HangingBrokerModule {}

    const app = await startApp([HealthModule.forRoot({ checks: ['broker'], imports: [HangingBrokerModule], timeoutMs: 50 })]);
    try {
      const response = await request(app.getHttpServer()).get('/health').expect(503);
      expect(response.body.checks).toEqual({ broker: { status: 'down', message: 'no answer within 50 ms' } });
    } finally {
      await app.close();
    }
  });

  it('refuses to start a broker check when nothing provides BROKER_PROBE', async () => {
    await expect(startApp([HealthModule.forRoot({ checks: ['broker'] })])).rejects.toThrow(
      /nothing provides BROKER_PROBE/,
    );
  });
});
