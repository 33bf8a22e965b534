import { E2E_ACCESS_TOKEN_TTL_SECONDS } from './support/running-platform';
import { browserForSuite, newVisitor, PHONE, screenshot } from './support/browser';
import { signInThroughConsole } from './support/console-steps';
import { call } from './support/gateway-client';
import { readPlatform } from './support/platform-file';

/** What every page relies on: the language switch, the keyboard, a phone's width, and a session that outlives its access token. */
describe('the console in two languages, by keyboard, on a phone, and across token refreshes', () => {
  const platform = readPlatform();
  const browser = browserForSuite();

  it('switches to Slovenian and back, and remembers the choice', async () => {
    const { page } = await newVisitor(browser(), platform.gatewayUrl);
    await page.goto('/calendar');
    await page.getByRole('heading', { name: 'Activity calendar' }).waitFor();
    await page.getByLabel('Language').selectOption('sl');
    await page.getByRole('heading', { name: 'Koledar dogodkov' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sl');
    // The public feed lists the workshop of the scene, with the link to subscribe.
    await page.getByRole('heading', { name: platform.workshop.title }).waitFor();
    expect(await page.getByRole('link', { name: /iCalendar/ }).getAttribute('href')).toMatch(/^webcal:\/\/.*\/api\/events\/calendar\.ics$/);
    await screenshot(page, 'basics-01-calendar-slovenian');
    await page.reload();
    await page.getByRole('heading', { name: 'Koledar dogodkov' }).waitFor();
    await page.getByLabel('Jezik').selectOption('en');
    await page.getByRole('heading', { name: 'Activity calendar' }).waitFor();
  });

  it('signs in with the keyboard alone: skip link, labelled fields in order, Enter submits', async () => {
    const { page } = await newVisitor(browser(), platform.gatewayUrl);
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').evaluate((link) => link.outerHTML)).toBe('<a class="skip-link" href="#main">Skip to content</a>');
    await page.keyboard.press('Enter');
    // From the main content, the next stops are the email and the password fields.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('name')).toBe('email');
    await page.keyboard.type(platform.funder.email);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('name')).toBe('password');
    const outline = await page.locator(':focus').evaluate((field) => field.ownerDocument.defaultView.getComputedStyle(field).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('The email or the password is wrong.').waitFor();
    await page.getByLabel('Password').fill(platform.funder.password);
    await page.keyboard.press('Enter');
    await page.getByText(`Signed in as ${platform.funder.displayName}`).waitFor();
  });

  it('fits a phone: the navigation folds into a menu button', async () => {
    const { page } = await newVisitor(browser(), platform.gatewayUrl, PHONE);
    await page.goto('/results');
    await page.locator('[data-figure="learners"]').waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Calendar' }).isVisible()).toBe(false);
    await screenshot(page, 'basics-02-phone-results');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Activity calendar' }).waitFor();
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(page, 'basics-03-phone-calendar');
  });

  it('signs out: the refresh token is revoked and member pages ask to sign in again', async () => {
    const { page } = await newVisitor(browser(), platform.gatewayUrl);
    await signInThroughConsole(page, platform.funder);
    await page.goto('/introductions');
    await page.getByRole('heading', { name: 'Introductions' }).waitFor();
    const refreshToken = (await page.evaluate('sessionStorage.getItem("socialmakers.refreshToken")')) as string;
    expect(refreshToken).toBeTruthy();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('Sign in to see this page.').waitFor();
    expect(await page.getByText(/^Signed in as /).count()).toBe(0);
    // Revoked at the gateway, not only forgotten by the browser.
    await call(platform.gatewayUrl, 'POST', '/api/accounts/refresh', { body: { refreshToken }, expect: [401] });
    await page.reload();
    await page.getByText('Sign in to see this page.').waitFor();
  });

  it('signs out on every device: the refresh tokens of the other browsers are revoked too', async () => {
    const devices = [await newVisitor(browser(), platform.gatewayUrl), await newVisitor(browser(), platform.gatewayUrl)];
    const refreshTokens: string[] = [];
    for (const { page } of devices) {
      await signInThroughConsole(page, platform.funder);
      refreshTokens.push((await page.evaluate('sessionStorage.getItem("socialmakers.refreshToken")')) as string);
    }
    expect(new Set(refreshTokens).size).toBe(2);
    const [laptop, phone] = devices.map((device) => device.page);
    await laptop.goto('/my-data');
    await laptop.getByRole('button', { name: 'Sign out on every device' }).click();
    await laptop.getByText('Sign in to see this page.').waitFor();
    for (const refreshToken of refreshTokens) {
      await call(platform.gatewayUrl, 'POST', '/api/accounts/refresh', { body: { refreshToken }, expect: [401] });
    }
    // The phone keeps its access token in memory only, so a reload makes it refresh: refused, it asks to sign in.
    await phone.goto('/introductions');
    await phone.getByText('Your session has ended; please sign in again.').waitFor();
    expect(await phone.getByText(/^Signed in as /).count()).toBe(0);
    await screenshot(phone, 'basics-05-other-device-signed-out');
  });

  it('keeps working after the access token expires, by refreshing it with the refresh token', async () => {
    const { page } = await newVisitor(browser(), platform.gatewayUrl);
    await signInThroughConsole(page, platform.organiser);
    const refreshes: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/accounts/refresh')) refreshes.push(response.status());
    });
    await page.waitForTimeout((E2E_ACCESS_TOKEN_TTL_SECONDS + 2) * 1000);
    await page.getByRole('link', { name: 'Check-in' }).click();
    await page.getByLabel('Activity').locator('option', { hasText: platform.workshop.title }).waitFor({ state: 'attached' });
    expect(refreshes).toEqual([200]);
    await screenshot(page, 'basics-04-after-refresh');
  });
});
