import { waitFor } from '@socialmakers/testing';
import { browserForSuite, newVisitor, screenshot } from './support/browser';
import { signInThroughConsole } from './support/console-steps';
import { call, newPassword, signUp } from './support/gateway-client';
import { readPlatform } from './support/platform-file';
import { loggedResetLinks } from './support/reset-links';

/**
 * A member who forgot their password asks for a link on the sign-in page, opens the link the gateway
 * sent (written to its log in local mode), sets a new password by keyboard, and signs in with it;
 * the old password is refused and the spent link says so, in Slovenian too.
 */
describe('password reset in the console', () => {
  const platform = readPlatform();
  const browser = browserForSuite();

  it('asks for a link, sets a new password with it, signs in with the new one, and the old one and the spent link are refused', async () => {
    const member = await signUp(platform.gatewayUrl, 'forgetful', 'Petra Pozabljiva');
    const { page } = await newVisitor(browser(), platform.gatewayUrl);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('Email').fill(member.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('status').getByText(`If an account exists for ${member.email}, a link to reset its password is on its way.`, { exact: false }).waitFor();
    await screenshot(page, 'reset-01-link-requested');

    const [link] = await waitFor('the reset link in the gateway log', async () => loggedResetLinks(platform.gatewayLog, member.email), (links) => links.length === 1, {
      timeoutMs: 15_000,
      intervalMs: 200,
    });
    expect(link).toMatch(new RegExp(`^${platform.gatewayUrl}/reset-password\\?token=[A-Za-z0-9_-]+$`));

    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    const password = newPassword();
    // Two different passwords are caught before anything is sent.
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('New password again').fill(`${password}-typo`);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').getByText('The two passwords are not the same.').waitFor();
    await screenshot(page, 'reset-02-passwords-differ');
    // By keyboard: the new password, Tab to the second field, Enter submits.
    await page.getByLabel('New password', { exact: true }).fill('');
    await page.getByLabel('New password again').fill('');
    await page.getByLabel('New password', { exact: true }).focus();
    await page.keyboard.type(password);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('name')).toBe('repeatPassword');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Your password has been changed', { exact: false }).waitFor();
    await screenshot(page, 'reset-03-password-changed');

    // The old password no longer opens the account; the new one does.
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('The email or the password is wrong.').waitFor();
    await signInThroughConsole(page, { email: member.email, password });
    await page.getByText(`Signed in as ${member.displayName}`).waitFor();
    await page.getByRole('heading', { name: 'My Academy' }).waitFor();
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    await screenshot(page, 'reset-04-signed-in-with-new-password');
    await call(platform.gatewayUrl, 'POST', '/api/accounts/sign-in', { body: { email: member.email, password: member.password }, expect: [401] });

    // The link was spent: opening it again says so, here in Slovenian, and offers a new one.
    const { page: again } = await newVisitor(browser(), platform.gatewayUrl);
    await again.goto(link);
    await again.getByLabel('Language').selectOption('sl');
    await again.getByRole('heading', { name: 'Izberite novo geslo' }).waitFor();
    const another = newPassword();
    await again.getByLabel('Novo geslo', { exact: true }).fill(another);
    await again.getByLabel('Ponovite novo geslo').fill(another);
    await again.getByRole('button', { name: 'Nastavi novo geslo' }).click();
    await again.getByRole('alert').getByText('Ta povezava za ponastavitev ne velja več', { exact: false }).waitFor();
    expect(await again.getByRole('link', { name: 'Zahtevajte novo povezavo' }).getAttribute('href')).toBe('/forgot-password');
    await screenshot(again, 'reset-05-link-spent-slovenian');
    await call(platform.gatewayUrl, 'POST', '/api/accounts/sign-in', { body: { email: member.email, password: another }, expect: [401] });
  });

  it('says so when the page has no link or a made-up one, and asks for at least 10 characters before sending', async () => {
    const { page } = await newVisitor(browser(), platform.gatewayUrl);
    await page.goto('/reset-password');
    await page.getByRole('alert').getByText('This page needs the link from your reset email.').waitFor();
    expect(await page.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/forgot-password');

    const confirmations: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/accounts/password-reset/confirm')) confirmations.push(response.status());
    });
    await page.goto('/reset-password?token=made-up-token');
    await page.getByLabel('New password', { exact: true }).fill('too-short');
    await page.getByLabel('New password again').fill('too-short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').getByText('The new password needs at least 10 characters.').waitFor();
    expect(confirmations).toEqual([]);

    const password = newPassword();
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('New password again').fill(password);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').getByText('This reset link is not valid any more', { exact: false }).waitFor();
    expect(confirmations).toEqual([400]);
    await screenshot(page, 'reset-06-made-up-link');
  });
});
