import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { personIdForEmail } from '@socialmakers/contracts';
import { ServiceProcess, TestDatabase } from '@socialmakers/testing';
import { call, grantWithCli, loggedResetLinks, PASSWORD, signUp, startGateway, uniqueEmail, type SessionBody } from './support';

/** A session, or a problem when refused. */
type Reply = SessionBody & { detail?: string; code?: string; lockedUntil?: string };

/**
 * Accounts on the compiled gateway and a real database: sign-up, sign-in with lockout, rotating
 * refresh tokens whose reuse ends the session, sign-out (everywhere), password reset by a logged
 * one-time link, roles granted by the CLI and by administrators, and what each refusal answers.
 */
describe('gateway: accounts', () => {
  let database: TestDatabase;
  let gateway: ServiceProcess;
  let db: Client;
  const url = () => gateway.url;

  beforeAll(async () => {
    database = await TestDatabase.create('gateway_accounts');
    // Info level: in local mode (no SMTP_URL) the reset link is an info line of the log.
    gateway = await startGateway(database, {}, { LOG_LEVEL: 'info', AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await gateway?.stop();
    await database?.drop();
  });

  const accountCount = async () => Number((await db.query(`SELECT count(*) AS n FROM accounts`)).rows[0].n);
  const signIn = (email: string, password: string) => call<Reply>(url(), 'POST', '/api/accounts/sign-in', { body: { email, password } });
  const refresh = (refreshToken: string) => call<Reply>(url(), 'POST', '/api/accounts/refresh', { body: { refreshToken } });

  it('signs up a member under the person id the platform derives from the email, and stores only an argon2id hash', async () => {
    const email = uniqueEmail('ana');
    const answer = await call<SessionBody>(url(), 'POST', '/api/accounts/sign-up', { body: { email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: 'Ana Novak' } });
    expect(answer.status).toBe(201);
    expect(answer.body.account).toEqual({ personId: personIdForEmail(email), email, displayName: 'Ana Novak', roles: ['member'] });
    expect(answer.body.accessTokenExpiresIn).toBe(900);
    expect(answer.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await call(url(), 'GET', '/api/accounts/me', { token: answer.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(answer.body.account);

    const row = (await db.query(`SELECT password_hash FROM accounts WHERE email = $1`, [email])).rows[0];
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    const tokens = (await db.query(`SELECT token_hash FROM refresh_tokens WHERE person_id = $1`, [personIdForEmail(email)])).rows;
    expect(tokens).toHaveLength(1);
    expect(tokens[0].token_hash).not.toBe(answer.body.refreshToken);
  });

  it('answers 409 for an email that already has an account, whatever its case', async () => {
    const email = uniqueEmail('twice');
    await signUp(url(), email);
    const before = await accountCount();
    const again = await call(url(), 'POST', '/api/accounts/sign-up', { body: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Again' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
    expect(await accountCount()).toBe(before);
  });

  it('refuses a weak password, a bad email and unknown fields with 400 naming each, and writes nothing', async () => {
    const before = await accountCount();
    const weak = await call(url(), 'POST', '/api/accounts/sign-up', { body: { email: uniqueEmail('weak'), password: 'short1', displayName: 'Weak' } });
    expect(weak.status).toBe(400);
    expect(weak.headers.get('content-type')).toContain('application/problem+json');
    expect(weak.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/too weak: use at least 10 characters/) }]);

    const badEmail = await call(url(), 'POST', '/api/accounts/sign-up', { body: { email: 'not-an-email', password: PASSWORD, displayName: 'Bad' } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors).toEqual([{ field: 'email', message: expect.stringMatching(/must be an email address/) }]);

    const extra = await call(url(), 'POST', '/api/accounts/sign-up', { body: { email: uniqueEmail('extra'), password: PASSWORD, displayName: 'X', roles: ['admin'] } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([{ field: 'roles', message: expect.stringMatching(/should not exist/) }]);
    expect(await accountCount()).toBe(before);
  });

  it('answers 401 with the same sentence for a wrong password and for an unknown email', async () => {
    const { account } = await signUp(url());
    const wrong = await signIn(account.email, 'not the password at all');
    const unknown = await signIn(uniqueEmail('nobody'), PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe('The email or the password is wrong.');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect((await signIn(account.email, PASSWORD)).status).toBe(200);
  });

  it('locks an account after five failed sign-ins (423, even with the right password) and a reset lifts the lock', async () => {
    const { account } = await signUp(url());
    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await signIn(account.email, `wrong password ${attempt}`)).status).toBe(401);
    const fifth = await signIn(account.email, 'wrong password 5');
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = new Date(fifth.body.lockedUntil!).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const right = await signIn(account.email, PASSWORD);
    expect(right.status).toBe(423);
    expect(right.body.detail).toMatch(/locked until .*reset your password/);

    expect((await call(url(), 'POST', '/api/accounts/password-reset', { body: { email: account.email } })).status).toBe(202);
    const [link] = await waitForResetLinks(account.email, 1);
    const newPassword = 'a different long passphrase';
    expect((await call(url(), 'POST', '/api/accounts/password-reset/confirm', { body: { token: new URL(link).searchParams.get('token'), password: newPassword } })).status).toBe(204);
    expect((await signIn(account.email, newPassword)).status).toBe(200);
  });

  it('rotates refresh tokens, and a used token presented again ends the whole session (401 for the newer token too)', async () => {
    const first = await signUp(url());
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.account.personId).toBe(first.account.personId);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);

    const replayed = await refresh(first.refreshToken);
    expect(replayed.status).toBe(401);
    expect(replayed.body.detail).toMatch(/already used, so the session was ended/);
    const newest = await refresh(third.body.refreshToken);
    expect(newest.status).toBe(401);
    expect(newest.body.detail).toMatch(/signed out/);

    // Another session of the same person is not touched by that.
    const other = await signIn(first.account.email, PASSWORD);
    expect((await refresh(other.body.refreshToken)).status).toBe(200);
  });

  it('refuses a revoked refresh token with 401 after sign-out, and after sign-out everywhere for every session', async () => {
    const session = await signUp(url());
    expect((await call(url(), 'POST', '/api/accounts/sign-out', { body: { refreshToken: session.refreshToken } })).status).toBe(204);
    const afterSignOut = await refresh(session.refreshToken);
    expect(afterSignOut.status).toBe(401);
    expect(afterSignOut.body.detail).toMatch(/signed out/);

    const laptop = await signIn(session.account.email, PASSWORD);
    const phone = await signIn(session.account.email, PASSWORD);
    expect((await call(url(), 'POST', '/api/accounts/sign-out-everywhere')).status).toBe(401);
    expect((await call(url(), 'POST', '/api/accounts/sign-out-everywhere', { token: phone.body.accessToken })).status).toBe(204);
    for (const device of [laptop, phone]) expect((await refresh(device.body.refreshToken)).status).toBe(401);
    expect((await refresh('made-up-token')).status).toBe(401);
  });

  it('answers 403 to a member on the admin routes and changes nothing', async () => {
    const member = await signUp(url());
    const target = await signUp(url());
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/accounts'],
      ['PUT', `/api/accounts/${target.account.personId}/roles`, { roles: ['admin'] }],
      ['PUT', `/api/accounts/${member.account.personId}/roles`, { roles: ['admin'] }],
      ['GET', '/api/operations/overview'],
      ['GET', '/api/operations/dead-letters?group=analytics'],
      ['POST', '/api/operations/dead-letters/replay', { group: 'analytics' }],
    ];
    for (const [method, path, body] of routes) {
      const answer = await call(url(), method, path, { token: member.accessToken, body });
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 403 });
      expect(answer.body.detail).toMatch(/needs the role admin; your roles are: member/);
    }
    const roles = (await db.query(`SELECT roles FROM accounts WHERE person_id = ANY($1)`, [[member.account.personId, target.account.personId]])).rows;
    expect(roles.map((row) => row.roles)).toEqual([['member'], ['member']]);
  });

  it('grants the first admin with the CLI; the admin then grants roles, and the next refresh carries them', async () => {
    const admin = await signUp(url());
    const missing = await grantWithCli(database.url, uniqueEmail('nobody'), '--role', 'admin');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no account for .*sign up first/);
    const granted = await grantWithCli(database.url, admin.account.email, '--role', 'admin');
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain('now has the roles member, admin');

    // The access token from before the grant still says member; a refresh brings the new roles.
    expect((await call(url(), 'GET', '/api/accounts', { token: admin.accessToken })).status).toBe(403);
    const adminSession = (await refresh(admin.refreshToken)).body;
    expect(adminSession.account.roles).toEqual(['member', 'admin']);
    const list = await call<Array<{ email: string }>>(url(), 'GET', '/api/accounts', { token: adminSession.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.map((account) => account.email)).toContain(admin.account.email);

    const organiser = await signUp(url());
    const rolesOf = (body: unknown) => call(url(), 'PUT', `/api/accounts/${organiser.account.personId}/roles`, { token: adminSession.accessToken, body });
    const noOrganisation = await rolesOf({ roles: ['organiser'] });
    expect(noOrganisation.status).toBe(400);
    expect(noOrganisation.body.code).toBe('ORGANISATION_REQUIRED');
    const unknownRole = await rolesOf({ roles: ['superuser'] });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.errors).toEqual([{ field: 'roles', message: expect.stringMatching(/each role must be one of member, organiser, admin, analyst/) }]);

    const organisationId = randomUUID();
    const set = await rolesOf({ roles: ['organiser', 'analyst'], organisationId });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ ...organiser.account, roles: ['member', 'organiser', 'analyst'], organisationId });
    const next = (await refresh(organiser.refreshToken)).body;
    const claims = JSON.parse(Buffer.from(next.accessToken.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: organiser.account.personId, roles: ['member', 'organiser', 'analyst'], organisationId });

    const unknownAccount = await call(url(), 'PUT', `/api/accounts/${randomUUID()}/roles`, { token: adminSession.accessToken, body: { roles: ['analyst'] } });
    expect(unknownAccount.status).toBe(404);
    const selfDemotion = await call(url(), 'PUT', `/api/accounts/${admin.account.personId}/roles`, { token: adminSession.accessToken, body: { roles: ['analyst'] } });
    expect(selfDemotion.status).toBe(409);
  });

  it('resets a password by a one-time link: 202 whether or not the email has an account, old password and sessions end', async () => {
    const session = await signUp(url());
    const nobody = uniqueEmail('no-account');
    expect((await call(url(), 'POST', '/api/accounts/password-reset', { body: { email: nobody } })).status).toBe(202);
    expect((await call(url(), 'POST', '/api/accounts/password-reset', { body: { email: session.account.email } })).status).toBe(202);
    const [link] = await waitForResetLinks(session.account.email, 1);
    expect(link).toMatch(new RegExp(`^${url()}/reset-password\\?token=[A-Za-z0-9_-]{43}$`));
    expect(loggedResetLinks(gateway, nobody)).toEqual([]);
    const token = new URL(link).searchParams.get('token')!;

    const weak = await call(url(), 'POST', '/api/accounts/password-reset/confirm', { body: { token, password: 'short' } });
    expect(weak.status).toBe(400);
    const newPassword = 'my brand new passphrase';
    expect((await call(url(), 'POST', '/api/accounts/password-reset/confirm', { body: { token, password: newPassword } })).status).toBe(204);
    const again = await call(url(), 'POST', '/api/accounts/password-reset/confirm', { body: { token, password: 'yet another passphrase' } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('RESET_LINK_INVALID');

    expect((await signIn(session.account.email, PASSWORD)).status).toBe(401);
    expect((await signIn(session.account.email, newPassword)).status).toBe(200);
    expect((await refresh(session.refreshToken)).status).toBe(401);
    const stored = (await db.query(`SELECT count(*) AS n FROM password_resets WHERE token_hash = $1`, [token])).rows[0].n;
    expect(Number(stored)).toBe(0);
  });

  async function waitForResetLinks(email: string, count: number): Promise<string[]> {
    for (let i = 0; i < 50; i += 1) {
      const links = loggedResetLinks(gateway, email);
      if (links.length >= count) return links;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no reset link for ${email} in the gateway's log`);
  }
});
