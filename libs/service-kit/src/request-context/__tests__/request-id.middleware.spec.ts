import { Controller, Get, Param, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { RequestContext } from '@socialmakers/logging';
import { configureHttpApp, resolveRequestId } from '@socialmakers/service-kit';
import request from 'supertest';
import { createMemoryLogger } from '../../__tests__/memory-logger';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

@Controller()
class ContextController {
  @Get('people/:id/context')
  async context(@Param('id') _id: string): Promise<{ requestId?: string }> {
    // Across an await, as in a real handler that queries the database.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { requestId: RequestContext.requestId() };
  }

  @Get('health/live')
  live(): string {
    return 'ok';
  }
}

describe('request id middleware', () => {
  let app: INestApplication;
  const { logger, lines } = createMemoryLogger();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ContextController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureHttpApp(app, { logger });
    await app.init();
  });

  afterAll(() => app.close());
  beforeEach(() => lines.splice(0));

  it('echoes a sane incoming id and runs the handler inside its RequestContext', async () => {
    const response = await request(app.getHttpServer())
      .get('/people/7/context')
      .set('x-request-id', 'gw:01HZX.abc-9_z')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('gw:01HZX.abc-9_z');
    expect(response.body).toEqual({ requestId: 'gw:01HZX.abc-9_z' });
  });

  it('generates a UUID when the request has none', async () => {
    const response = await request(app.getHttpServer()).get('/people/7/context').expect(200);
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('replaces an id that is not a sane token', async () => {
    const response = await request(app.getHttpServer())
      .get('/people/7/context')
      .set('x-request-id', 'evil id"\\with spaces')
      .expect(200);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('logs one line per request with the route pattern, status and duration', async () => {
    await request(app.getHttpServer()).get('/people/7/context?x=1').set('x-request-id', 'req-log').expect(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      requestId: 'req-log',
      method: 'GET',
      route: '/people/:id/context',
      path: '/people/7/context',
      status: 200,
    });
    expect(lines[0].durationMs).toEqual(expect.any(Number));
  });

  it('logs probe requests at debug level only', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([expect.objectContaining({ level: 20, route: '/health/live' })]);
  });
});

describe('resolveRequestId', () => {
  it('keeps ids of up to 128 characters of [A-Za-z0-9._:-] and replaces anything else', () => {
    expect(resolveRequestId('a'.repeat(128))).toBe('a'.repeat(128));
    expect(resolveRequestId('a'.repeat(129))).toMatch(UUID);
    expect(resolveRequestId('line\nbreak')).toMatch(UUID);
    expect(resolveRequestId(['one', 'two'])).toMatch(UUID);
    expect(resolveRequestId('')).toMatch(UUID);
  });
});
