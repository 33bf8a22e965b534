import type { Browser, Page } from 'playwright-core';
import { waitFor } from '@socialmakers/testing';
import { launchBrowser, newVisitor, PHONE, screenshot } from './support/browser';
import { chooseActivity, figure, signInThroughConsole } from './support/console-steps';
import { call, signUp } from './support/gateway-client';
import { readPlatform } from './support/platform-file';

const LIVE = { timeoutMs: 60_000, intervalMs: 1_000 };

/** Wall-clock `datetime-local` text some hours from now (negative: ago), as a person types it. */
function localInput(hoursFromNow: number): string {
  const at = new Date(Date.now() + hoursFromNow * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * The public infographic is live: while a visitor keeps the page open, a new enrolment and a
 * workshop that an organiser schedules, records from a sign-in sheet and marks as held change its
 * figures without a reload.
 */
describe('the results infographic shows live figures', () => {
  const platform = readPlatform();
  let browser: Browser;
  let visitor: Page;
  let organiser: Page;
  let before: { learners: number; workshopsHeld: number; workshopParticipants: number };

  const workshopsHeld = async () => Number(/(\d+) held/.exec(await visitor.locator('[data-figure="workshops"] .figure-label').innerText())?.[1]);

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page: visitor } = await newVisitor(browser, platform.gatewayUrl));
    ({ page: organiser } = await newVisitor(browser, platform.gatewayUrl));
    await visitor.goto('/results');
    await visitor.locator('[data-figure="learners"]').waitFor();
    before = { learners: await figure(visitor, 'learners'), workshopsHeld: await workshopsHeld(), workshopParticipants: await figure(visitor, 'workshops') };
    await screenshot(visitor, 'infographic-01-before');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('counts a new Academy enrolment without a reload', async () => {
    const learner = await signUp(platform.gatewayUrl, 'learner', 'Eva Zupan');
    await call(platform.gatewayUrl, 'POST', `/api/learning/learners/${learner.personId}/enrolments`, {
      token: learner.accessToken,
      body: { courseKey: 'social-innovation-academy', country: 'SI' },
      expect: [201],
    });
    // The page asks for the figures every few seconds; the enrolment reaches analytics through Kafka.
    await waitFor('the learners figure to count the enrolment', () => figure(visitor, 'learners'), (n) => n === before.learners + 1, LIVE);
    expect(await figure(visitor, 'learners')).toBe(before.learners + 1);
  });

  it('counts a workshop the organiser records afterwards: scheduled, its sign-in sheet imported, marked as held', async () => {
    await signInThroughConsole(organiser, platform.organiser);
    await organiser.getByRole('link', { name: 'Schedule' }).click();
    await organiser.getByRole('heading', { name: 'Schedule an activity' }).waitFor();
    await organiser.getByLabel('Kind').selectOption('workshop');
    await organiser.getByLabel('Title', { exact: true }).fill('Business models for social enterprises, Celje');
    // The organiser types in this morning's workshop from its paper sheet: it has taken place.
    await organiser.getByLabel('Starts').fill(localInput(-4));
    await organiser.getByLabel('Ends').fill(localInput(-1));
    await organiser.getByLabel('City').fill('Celje');
    await organiser.getByLabel('Venue').fill('Knjižnica Celje');
    await organiser.getByLabel('Academy module it deepens').locator('option').first().waitFor({ state: 'attached' });
    await organiser.getByRole('button', { name: 'Schedule', exact: true }).click();
    await organiser.getByText('“Business models for social enterprises, Celje” is scheduled.').waitFor();
    await screenshot(organiser, 'infographic-02-scheduled');

    await organiser.getByRole('link', { name: 'Sign-in sheets' }).click();
    // The previous page's picker has the same label: choose only once the new page is there.
    await organiser.getByRole('heading', { name: 'Import a sign-in sheet' }).waitFor();
    await chooseActivity(organiser, 'Business models for social enterprises, Celje');
    await organiser.getByLabel('Or paste the CSV here').fill(
      [
        'name,email,organisation,country,role',
        'Nina Kos,nina.kos@e2e.socialmakers.test,Zavod Ypsilon,SI,innovator',
        'Peter Mlakar,peter.mlakar@e2e.socialmakers.test,Občina Celje,SI,policymaker',
        'No Email,,Nowhere,SI,innovator',
      ].join('\n'),
    );
    await organiser.getByRole('button', { name: 'Import' }).click();
    const report = organiser.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    expect(await report.locator('[data-count="rows"]').innerText()).toBe('3');
    expect(await report.locator('[data-count="imported"]').innerText()).toBe('2');
    const rejected = report.getByRole('table', { name: 'Rejected rows' });
    expect(await rejected.getByRole('row').count()).toBe(2);
    expect(await rejected.getByRole('row').nth(1).getByRole('cell').first().innerText()).toBe('4');
    await screenshot(organiser, 'infographic-03-sheet-report');

    await organiser.getByRole('link', { name: 'Check-in' }).click();
    await organiser.getByRole('heading', { name: 'Check people in' }).waitFor();
    await chooseActivity(organiser, 'Business models for social enterprises, Celje');
    await organiser.getByText('Attendance: 2 named, 0 walk-ins').waitFor();
    await organiser.getByRole('button', { name: 'Mark as held' }).click();
    await organiser.getByText('Held', { exact: true }).waitFor();

    await waitFor('the workshop participants to count the sheet', () => figure(visitor, 'workshops'), (n) => n === before.workshopParticipants + 2, LIVE);
    expect(await workshopsHeld()).toBe(before.workshopsHeld + 1);
    await screenshot(visitor, 'infographic-04-after');
    await visitor.setViewportSize(PHONE);
    await screenshot(visitor, 'infographic-05-phone');
  });
});
