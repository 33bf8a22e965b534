import { randomUUID } from 'node:crypto';
import { mintToken } from '@socialmakers/auth';
import { waitFor } from '@socialmakers/testing';
import { ACADEMY_COURSE, ACADEMY_COURSE_KEY, ACADEMY_MODULES, ACADEMY_MODULE_TEXTS } from '../../../tools/demo/academy-2018';
import { call, signIn, signUp } from './gateway-client';
import type { E2ePlatform } from './platform-file';

/**
 * What every scenario finds on the platform, loaded through the public APIs: the published Academy,
 * an administrator and an analyst, an organiser of a partner organisation with a workshop scheduled for tomorrow, and a funder who
 * takes introductions and is checked in at that workshop; this year's results are published.
 */
export async function setTheScene(gatewayUrl: string, secret: string): Promise<Omit<E2ePlatform, 'gatewayLog'>> {
  // The platform's first administrator comes from outside the accounts API (a CLI in production); here a token of our own.
  const admin = mintToken({ personId: randomUUID(), roles: ['admin'], secret, ttlSeconds: 3600 });

  await call(gatewayUrl, 'PUT', `/api/learning/courses/${ACADEMY_COURSE_KEY}`, { token: admin, body: ACADEMY_COURSE });
  for (const [index, moduleKey] of ACADEMY_MODULES.entries()) {
    await call(gatewayUrl, 'PUT', `/api/learning/courses/${ACADEMY_COURSE_KEY}/modules/${moduleKey}`, {
      token: admin,
      body: { position: index + 1, required: true, passMark: 60, ...ACADEMY_MODULE_TEXTS[moduleKey] },
    });
  }
  await call(gatewayUrl, 'POST', `/api/learning/courses/${ACADEMY_COURSE_KEY}/publish`, { token: admin });
  // A workshop must deepen a module the events service has heard of through the catalogue topic.
  await waitFor(
    'events to learn the Academy catalogue',
    () => call<{ modules: Array<{ moduleKey: string }> }>(gatewayUrl, 'GET', '/api/events/catalogue/modules', { token: admin }),
    ({ modules }) => modules.some((m) => m.moduleKey === 'financing'),
    { timeoutMs: 60_000, intervalMs: 500 },
  );

  const organisationId = randomUUID();
  const organiserAccount = await signUp(gatewayUrl, 'organiser', 'Olga Organiser');
  await call(gatewayUrl, 'PUT', `/api/accounts/${organiserAccount.personId}/roles`, { token: admin, body: { roles: ['member', 'organiser'], organisationId } });
  const organiser = { ...organiserAccount, organisationId };
  const organiserToken = await signIn(gatewayUrl, organiser);

  const adminAccount = await signUp(gatewayUrl, 'admin', 'Andrej Admin');
  await call(gatewayUrl, 'PUT', `/api/accounts/${adminAccount.personId}/roles`, { token: admin, body: { roles: ['admin'] } });
  const analystAccount = await signUp(gatewayUrl, 'analyst', 'Alenka Analyst');
  await call(gatewayUrl, 'PUT', `/api/accounts/${analystAccount.personId}/roles`, { token: admin, body: { roles: ['analyst'] } });

  const funder = await signUp(gatewayUrl, 'funder', 'Maja Kranjc');
  await call(gatewayUrl, 'PUT', `/api/community/stakeholders/${funder.personId}`, {
    token: funder.accessToken,
    body: {
      kind: 'funder',
      displayName: funder.displayName,
      country: 'SI',
      languages: ['sl', 'en'],
      topics: ['social-finance', 'inclusion'],
      offers: ['grants'],
      summary: 'We fund social-finance projects in Štajerska.',
      appearsInMatches: true,
      attendanceVisible: true,
      contactEmail: funder.email,
    },
  });

  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  tomorrow.setUTCHours(8, 0, 0, 0);
  const workshop = await call<{ id: string; title: string }>(gatewayUrl, 'POST', '/api/events/activities', {
    token: organiserToken,
    body: {
      kind: 'workshop',
      title: 'Financing social innovation in Maribor',
      organiserId: organisationId,
      country: 'SI',
      timeZone: 'Europe/Ljubljana',
      startsAt: tomorrow.toISOString(),
      endsAt: new Date(tomorrow.getTime() + 3 * 3600_000).toISOString(),
      city: 'Maribor',
      venue: 'Impact Hub Maribor',
      courseKey: ACADEMY_COURSE_KEY,
      moduleKey: 'financing',
      lecturerIds: [organiser.personId],
      capacity: 30,
    },
    expect: [201],
  });
  await call(gatewayUrl, 'POST', `/api/events/activities/${workshop.id}/registrations`, { token: funder.accessToken, body: {}, expect: [201] });
  await call(gatewayUrl, 'POST', `/api/events/activities/${workshop.id}/check-ins`, { token: organiserToken, body: { personId: funder.personId }, expect: [201] });

  // The public sees published periods only; this year's, whose figures the scenarios change.
  await call(gatewayUrl, 'POST', '/api/analytics/results/publications', { token: admin, body: { year: String(new Date().getUTCFullYear()) }, expect: [201] });

  const funderPerson = withoutToken(funder);
  const organiserPerson = withoutToken(organiser);
  return {
    gatewayUrl,
    organiser: organiserPerson,
    funder: funderPerson,
    admin: withoutToken(adminAccount),
    analyst: withoutToken(analystAccount),
    workshop: { id: workshop.id, title: workshop.title },
  };
}

function withoutToken<T extends { accessToken: string }>(person: T): Omit<T, 'accessToken'> {
  const { accessToken: _token, ...rest } = person;
  return rest;
}
