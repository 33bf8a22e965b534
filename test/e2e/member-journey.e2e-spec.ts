import type { Browser, Page, Request } from 'playwright-core';
import { personIdForEmail } from '@socialmakers/contracts';
import { waitFor } from '@socialmakers/testing';
import { launchBrowser, newVisitor, screenshot } from './support/browser';
import { checkIn, chooseActivity, signInThroughConsole } from './support/console-steps';
import { newPassword, uniqueEmail } from './support/gateway-client';
import { readPlatform } from './support/platform-file';

/**
 * A member's way through the programme in the console: sign up, fill in the profile, enrol in the
 * Academy, register for a workshop, be checked in by the organiser, and find a funder among the
 * matches with the reason for the match.
 */
describe('a member signs up, enrols, attends and sees a match with its explanation', () => {
  const platform = readPlatform();
  let browser: Browser;
  let member: Page;
  const email = uniqueEmail('member');
  const password = newPassword();

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page: member } = await newVisitor(browser, platform.gatewayUrl));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs up through the console and lands on the profile page signed in', async () => {
    await member.goto('/sign-up');
    await member.getByLabel('Your name').fill('Ana Novak');
    await member.getByLabel('Email').fill(email);
    await member.getByLabel('Password').fill(password);
    await screenshot(member, 'member-01-sign-up');
    await member.getByRole('button', { name: 'Create account' }).click();

    await member.getByRole('heading', { name: 'My stakeholder profile' }).waitFor();
    expect(await member.getByText('Signed in as Ana Novak').isVisible()).toBe(true);
    await member.getByLabel('I am').selectOption('innovator');
    await member.getByLabel('Country', { exact: true }).fill('SI');
    await member.getByRole('checkbox', { name: 'Slovenščina' }).check();
    await member.getByRole('checkbox', { name: 'Social finance' }).check();
    await member.getByRole('checkbox', { name: 'Funding' }).check();
    await member.getByRole('button', { name: 'Save' }).click();
    await member.getByText('Saved.').waitFor();
    await screenshot(member, 'member-02-profile-saved');
  });

  it('enrols in the Academy and sees the course with its modules', async () => {
    await member.getByRole('link', { name: 'Academy' }).click();
    await member.getByRole('heading', { name: 'My Academy' }).waitFor();
    await member.getByLabel('Country', { exact: true }).fill('SI');
    await member.getByRole('button', { name: /^Enrol in / }).click();

    const course = member.getByRole('article');
    await course.getByText(/^Enrolled since /).waitFor();
    expect(await course.getByText(/0 of 7 required modules completed/).isVisible()).toBe(true);
    expect(await course.getByRole('listitem').count()).toBe(7);
    await screenshot(member, 'member-03-enrolled');
  });

  it('registers for the workshop, the organiser checks the member in, and the member sees the match with its reason', async () => {
    // The page reads the member's registrations in one request, not one per activity.
    const registrationReads: string[] = [];
    const readsOf = (request: Request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === 'GET' && /^\/api\/events\/.*registrations/.test(path)) registrationReads.push(path);
    };
    member.on('request', readsOf);
    await member.getByRole('link', { name: 'Activities' }).click();
    const workshop = member.getByRole('listitem').filter({ has: member.getByRole('heading', { name: platform.workshop.title }) });
    await workshop.getByRole('button', { name: 'Register' }).click();
    await workshop.getByText('Registered', { exact: true }).waitFor();
    expect(await member.getByRole('heading', { name: 'My registrations' }).isVisible()).toBe(true);
    member.off('request', readsOf);
    const personId = personIdForEmail(email);
    // On opening the page and again after registering (and again if an expired token was refreshed): never per activity.
    expect([...new Set(registrationReads)]).toEqual([`/api/events/people/${personId}/registrations`]);
    expect(registrationReads.length).toBeGreaterThanOrEqual(2);
    await screenshot(member, 'member-04-registered');

    const { context: organiserContext, page: organiser } = await newVisitor(browser, platform.gatewayUrl);
    await signInThroughConsole(organiser, platform.organiser);
    await organiser.getByRole('link', { name: 'Check-in' }).click();
    await organiser.getByRole('heading', { name: 'Check people in' }).waitFor();
    await chooseActivity(organiser, platform.workshop.title);
    await checkIn(organiser, 'Ana Novak');
    await screenshot(organiser, 'organiser-01-checked-in');
    await organiserContext.close();

    await member.getByRole('link', { name: 'Matches' }).click();
    const match = member.getByRole('listitem').filter({ has: member.getByRole('heading', { name: platform.funder.displayName }) });
    // The check-in travels as an event to community, which then knows that the two attended together.
    const explanation = await waitFor(
      'the match to explain the shared workshop',
      async () => {
        await member.reload();
        await member.getByRole('heading', { name: 'My matches' }).waitFor();
        await member.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
        return (await match.count()) > 0 ? match.locator('.explanation').innerText() : '';
      },
      (text) => text.includes('you both attended'),
      { timeoutMs: 60_000, intervalMs: 2_000 },
    );
    expect(explanation).toMatch(/^Why: Maja Kranjc funds social-finance projects with grants; you both attended a workshop in SI on \d{1,2} \w+ \d{4}/);
    expect(await match.getByText(/^Score \d+$/).isVisible()).toBe(true);
    expect(await match.getByRole('meter').count()).toBe(4);
    await screenshot(member, 'member-05-match-explained');
  });

  it('draws the network around the member, with the tie to the funder in the table too', async () => {
    await member.getByRole('link', { name: 'My network' }).click();
    const tie = member.getByRole('row', { name: new RegExp(platform.funder.displayName) });
    await tie.waitFor();
    expect(await tie.getByRole('cell').nth(1).innerText()).toBe('attended together');
    const graph = member.getByRole('img', { name: 'Network graph around you' });
    expect(Number(await graph.getAttribute('data-nodes'))).toBeGreaterThanOrEqual(2);
    // sigma.js draws on canvases inside the container (WebGL through SwiftShader here).
    expect(await graph.locator('canvas').count()).toBeGreaterThan(0);
    // Ties the other side keeps private are counted, in a sentence whose grammar follows the count.
    const hidden = await member.getByText(/more connections? (is|are) hidden/).innerText();
    const count = Number(/^(\d+)/.exec(hidden)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(hidden).toBe(count === 1 ? '1 more connection is hidden by its privacy settings.' : `${count} more connections are hidden by their privacy settings.`);
    await screenshot(member, 'member-06-network');
  });
});
