import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newVisitor, screenshot } from './support/browser';
import { signInThroughConsole } from './support/console-steps';
import { call, signUp } from './support/gateway-client';
import { readPlatform, type Person } from './support/platform-file';

/**
 * Two members meet through the console: an innovator asks to be introduced to a funder from the
 * matches page, the funder accepts, and both then see the other's contact details (and not before).
 */
describe('an innovator requests an introduction and the funder accepts it', () => {
  const platform = readPlatform();
  let browser: Browser;
  let innovator: Person;
  let innovatorPage: Page;
  let funderPage: Page;

  beforeAll(async () => {
    const account = await signUp(platform.gatewayUrl, 'innovator', 'Luka Horvat');
    await call(platform.gatewayUrl, 'PUT', `/api/community/stakeholders/${account.personId}`, {
      token: account.accessToken,
      body: {
        kind: 'innovator',
        displayName: account.displayName,
        country: 'SI',
        languages: ['sl'],
        topics: ['social-finance'],
        seeks: ['funding'],
        appearsInMatches: true,
        attendanceVisible: true,
        contactEmail: account.email,
      },
    });
    const { accessToken: _token, ...person } = account;
    innovator = person;
    browser = await launchBrowser();
    ({ page: innovatorPage } = await newVisitor(browser, platform.gatewayUrl));
    ({ page: funderPage } = await newVisitor(browser, platform.gatewayUrl));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends the request from the match, with a message', async () => {
    await signInThroughConsole(innovatorPage, innovator);
    await innovatorPage.getByRole('link', { name: 'Matches' }).click();
    const match = innovatorPage.getByRole('listitem').filter({ has: innovatorPage.getByRole('heading', { name: platform.funder.displayName }) });
    await match.waitFor();
    await match.getByRole('button', { name: 'Ask for an introduction' }).click();
    await match.getByLabel(/^Your message/).fill('We pilot a meal-sharing service for older people in Maribor and look for a first grant.');
    await match.getByRole('button', { name: 'Send request' }).click();
    await match.getByText(`Request sent to ${platform.funder.displayName}.`).waitFor();
    await screenshot(innovatorPage, 'introduction-01-requested');

    await innovatorPage.getByRole('link', { name: 'Introductions' }).click();
    const sent = innovatorPage.getByRole('listitem').filter({ has: innovatorPage.getByRole('heading', { name: `To ${platform.funder.displayName}` }) });
    await sent.getByText('Waiting for an answer').waitFor();
    expect(await sent.getByText(platform.funder.email).count()).toBe(0);
  });

  it('the funder accepts, and both see the other\'s contact', async () => {
    await signInThroughConsole(funderPage, platform.funder);
    await funderPage.getByRole('link', { name: 'Introductions' }).click();
    const received = funderPage.getByRole('listitem').filter({ has: funderPage.getByRole('heading', { name: `From ${innovator.displayName}` }) });
    await received.getByText('meal-sharing service').waitFor();
    await screenshot(funderPage, 'introduction-02-received');
    await received.getByRole('button', { name: 'Accept' }).click();
    await received.getByText('Accepted', { exact: true }).waitFor();
    await received.getByText(innovator.email).waitFor();
    expect(await received.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await screenshot(funderPage, 'introduction-03-accepted');

    await innovatorPage.reload();
    const sent = innovatorPage.getByRole('listitem').filter({ has: innovatorPage.getByRole('heading', { name: `To ${platform.funder.displayName}` }) });
    await sent.getByText('Accepted', { exact: true }).waitFor();
    await sent.getByText(platform.funder.email).waitFor();
    await screenshot(innovatorPage, 'introduction-04-innovator-sees-contact');
  });
});
