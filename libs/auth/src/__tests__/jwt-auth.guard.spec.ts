import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import {
  AuthModule,
  CurrentPrincipal,
  mintToken,
  Public,
  Role,
  Roles,
  type Principal,
} from '@socialmakers/auth';

const SECRET = 'test-secret-that-is-at-least-32-characters-long';

@Controller()
class ProbeController {
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Public()
  @Get('open')
  open(): { open: true } {
    return { open: true };
  }

  @Roles(Role.Admin, Role.Organiser)
  @Get('organising')
  organising(): { ok: true } {
    return { ok: true };
  }
}

describe('JwtAuthGuard', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ secret: SECRET })],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(() => app.close());

  const token = (overrides: Partial<Parameters<typeof mintToken>[0]> = {}): string =>
    mintToken({ personId: 'person-1', roles: [Role.Member], secret: SECRET, ...overrides });

  it('lets a valid token through and exposes the principal', async () => {
    const response = await request(app.getHttpServer())
      .get('/me')
      .set('Authorization', `Bearer ${token({ organisationId: 'org-9' })}`)
      .expect(200);
    expect(response.body).toEqual({ personId: 'person-1', roles: ['member'], organisationId: 'org-9' });
  });

  it('refuses a request without a token with 401 and says how to authenticate', async () => {
    const response = await request(app.getHttpServer()).get('/me').expect(401);
    expect(response.body.message).toMatch(/Authorization: Bearer <token>/);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="socialmakers"');
  });

  it('refuses an Authorization header of another scheme with 401', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', 'Basic abc').expect(401);
    expect(response.body.message).toMatch(/must have the form "Bearer <token>"/);
  });

  it('refuses a malformed token with 401', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
    expect(response.body.message).toMatch(/not valid \(jwt malformed\); sign in again/);
  });

  it('refuses a token signed with another secret with 401', async () => {
    const forged = mintToken({ personId: 'person-1', roles: [Role.Admin], secret: 'another-secret-of-at-least-32-chars!!' });
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${forged}`).expect(401);
    expect(response.body.message).toMatch(/invalid signature/);
  });

  it('refuses an expired token with 401 and says when it expired', async () => {
    const expiredAt = Math.floor(Date.now() / 1000) - 60;
    const expired = sign({ roles: ['member'], exp: expiredAt }, SECRET, {
      algorithm: 'HS256',
      subject: 'person-1',
      issuer: 'socialmakers',
      audience: 'socialmakers-platform',
    });
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(response.body.message).toBe(
      `The access token expired at ${new Date(expiredAt * 1000).toISOString()}; sign in again to get a new one.`,
    );
  });

  it('refuses a token for another audience with 401', async () => {
    const foreign = sign({ roles: ['admin'] }, SECRET, {
      algorithm: 'HS256',
      subject: 'person-1',
      issuer: 'socialmakers',
      audience: 'some-other-app',
      expiresIn: 60,
    });
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${foreign}`).expect(401);
    expect(response.body.message).toMatch(/not issued for the Social\(i\)Makers platform/);
  });

  it('refuses a token signed with another algorithm with 401', async () => {
    const hs512 = sign({ roles: ['admin'] }, SECRET, {
      algorithm: 'HS512',
      subject: 'person-1',
      issuer: 'socialmakers',
      audience: 'socialmakers-platform',
      expiresIn: 60,
    });
    await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${hs512}`).expect(401);
  });

  it('refuses a token without roles with 401', async () => {
    const roleless = sign({}, SECRET, {
      algorithm: 'HS256',
      subject: 'person-1',
      issuer: 'socialmakers',
      audience: 'socialmakers-platform',
      expiresIn: 60,
    });
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${roleless}`).expect(401);
    expect(response.body.message).toMatch(/does not name a person and their roles/);
  });

  it('answers 403 when the token lacks every required role, naming the roles needed', async () => {
    const response = await request(app.getHttpServer())
      .get('/organising')
      .set('Authorization', `Bearer ${token()}`)
      .expect(403);
    expect(response.body.message).toBe(
      'This needs the role admin or organiser; your roles are: member. Ask an administrator if you need access.',
    );
  });

  it('lets a holder of any one required role through', async () => {
    await request(app.getHttpServer())
      .get('/organising')
      .set('Authorization', `Bearer ${token({ roles: [Role.Member, Role.Organiser] })}`)
      .expect(200);
  });

  it('serves a @Public() route without a token', async () => {
    await request(app.getHttpServer()).get('/open').expect(200, { open: true });
  });
});
