import { Controller, Get, Param, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, mintToken } from '@socialmakers/auth';
import { ObservabilityModule } from '@socialmakers/observability';
import request from 'supertest';

const SECRET = 'test-secret-that-is-at-least-32-characters-long';

@Controller('workshops')
class WorkshopsController {
  @Get(':id')
  find(@Param('id') id: string): { id: string } {
    return { id };
  }
}

describe('ObservabilityModule', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ObservabilityModule, AuthModule.forRoot({ secret: SECRET })],
      controllers: [WorkshopsController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(() => app.close());

  it('serves the Prometheus text format at /metrics without a token', async () => {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(response.text).toContain('# TYPE process_cpu_user_seconds_total counter');
  });

  it('records latency by method, route pattern and status, never the raw URL', async () => {
    const token = mintToken({ personId: 'p-1', roles: ['member'], secret: SECRET });
    await request(app.getHttpServer()).get('/workshops/42').set('Authorization', `Bearer ${token}`).expect(200);
    await request(app.getHttpServer()).get('/workshops/43').expect(401);
    await request(app.getHttpServer()).get('/no/such/route').set('Authorization', `Bearer ${token}`).expect(404);

    const { text } = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/workshops/:id",status="200"} 1');
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/workshops/:id",status="401"} 1');
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toMatch(/route="[^"]*(42|43|no\/such)/);
  });
});
