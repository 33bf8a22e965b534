import type { Page } from 'playwright-core';
import { Topics, qualified } from '@socialmakers/contracts';
import { produceRaw, randomSuffix } from '@socialmakers/testing';
import { browserForSuite, newVisitor, screenshot } from './support/browser';
import { signInThroughConsole } from './support/console-steps';
import { call, signIn, signUp } from './support/gateway-client';
import { readPlatform } from './support/platform-file';

/**
 * The operator sees every service's health, consumer lag and outbox backlog, finds a poison record
 * among the dead letters with its error and replays it; the analyst watches the live event stream
 * and reads the event contracts.
 */
describe('operations and analysis in the console', () => {
  const platform = readPlatform();
  const browser = browserForSuite();
  let page: Page;

  it('shows the services up, and a dead letter with its error that the operator replays', async () => {
    ({ page } = await newVisitor(browser(), platform.gatewayUrl));
    const marker = `not-an-event-${randomSuffix()}`;
    // A record no consumer can read: analytics dead-letters it at once, as malformed.
    await produceRaw(qualified(Topics.learningEnrolment.name), [{ key: marker, value: marker }]);

    await signInThroughConsole(page, platform.admin);
    await page.getByRole('link', { name: 'Services' }).click();
    for (const service of ['learning', 'events', 'community', 'analytics']) {
      await page.locator(`tr[data-service="${service}"]`).getByText('up', { exact: true }).waitFor();
    }
    expect(await page.getByRole('heading', { name: 'Consumer lag' }).isVisible()).toBe(true);
    // One line per consumer group, with each group's partitions behind a disclosure.
    for (const group of ['learning', 'events', 'community', 'analytics']) {
      expect(await page.locator(`tr[data-group$="socialmakers.${group}"]`).count()).toBe(1);
    }
    await page.getByText(/^Partitions of .*socialmakers\.analytics$/).click();
    expect(await page.getByRole('row', { name: /learning\.enrolment\.v1/ }).count()).toBeGreaterThan(0);

    await page.getByLabel('Consumer group').selectOption('analytics');
    const letter = page.getByRole('row').filter({ hasText: 'malformed' });
    for (let attempt = 0; (await letter.count()) === 0 && attempt < 30; attempt++) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByLabel('Consumer group').selectOption('learning');
      await page.getByLabel('Consumer group').selectOption('analytics');
      await page.waitForTimeout(1000);
    }
    await letter.first().waitFor();
    expect(await letter.first().locator('.error-text').innerText()).not.toBe('');
    await screenshot(page, 'operations-01-dead-letter');
    await letter.first().getByRole('button', { name: 'Replay' }).click();
    await page.getByText(/^1 replayed\.$/).waitFor();
    await screenshot(page, 'operations-02-replayed');
  });

  it('grants a role: the admin makes the organiser an analyst too, in the accounts page', async () => {
    ({ page } = await newVisitor(browser(), platform.gatewayUrl));
    await signInThroughConsole(page, platform.admin);
    await page.getByRole('link', { name: 'Accounts' }).click();
    const account = page.getByRole('form', { name: platform.organiser.displayName });
    await account.getByRole('checkbox', { name: 'Analyst' }).check();
    expect(await account.getByLabel('Organisation id').inputValue()).toBe(platform.organiser.organisationId);
    await account.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Roles of ${platform.organiser.displayName} saved.`).waitFor();
    const roles = await call<{ roles: string[] }>(platform.gatewayUrl, 'GET', '/api/accounts/me', { token: await signIn(platform.gatewayUrl, platform.organiser) });
    expect([...roles.roles].sort()).toEqual(['analyst', 'member', 'organiser']);
    await screenshot(page, 'operations-03-roles-granted');
  });

  it('tails the live event stream, filtered to one type, and renders the AsyncAPI document', async () => {
    ({ page } = await newVisitor(browser(), platform.gatewayUrl));
    await signInThroughConsole(page, platform.analyst);
    await page.getByRole('link', { name: 'Live events' }).click();
    await page.getByLabel(/^Event types/).fill('org.socialmakers.learning.enrolment.created.v1');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Connected, waiting for events').waitFor();

    const learner = await signUp(platform.gatewayUrl, 'streamed', 'Tina Streamed');
    await call(platform.gatewayUrl, 'POST', `/api/learning/learners/${learner.personId}/enrolments`, {
      token: learner.accessToken,
      body: { courseKey: 'social-innovation-academy', country: 'AT' },
      expect: [201],
    });
    const row = page.locator('table.events tbody tr').first();
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getByText('org.socialmakers.learning.enrolment.created.v1').isVisible()).toBe(true);
    expect(await row.getByRole('cell').nth(2).innerText()).toBe('AT');
    // Analysts see pseudonyms, never the person id.
    expect(await row.innerText()).not.toContain(learner.personId);
    await screenshot(page, 'analysis-01-live-tail');

    await page.getByRole('link', { name: 'Event contracts' }).click();
    await page.getByRole('heading', { name: /Channel: .*learning\.enrolment\.v1/ }).waitFor();
    await page.getByText('org.socialmakers.learning.enrolment.created.v1', { exact: true }).click();
    expect(await page.getByRole('table', { name: 'Payload' }).first().getByRole('row', { name: /personId/ }).isVisible()).toBe(true);
    await screenshot(page, 'analysis-02-asyncapi');
  });
});
