import type { Page } from 'playwright-core';
import type { Person } from './platform-file';

/** Steps several scenarios take in the console, written the way a person does them (labels and names). */
export async function signInThroughConsole(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText(/^Signed in as /).waitFor();
}

/** Picks the activity whose option names it (the options also carry the date and the kind). */
export async function chooseActivity(page: Page, title: string): Promise<void> {
  const picker = page.getByLabel('Activity');
  const option = picker.locator('option', { hasText: title });
  await option.waitFor({ state: 'attached' });
  const value = (await option.getAttribute('value'))!;
  await picker.selectOption(value);
  const chosen = await picker.inputValue();
  if (chosen !== value) throw new Error(`The activity picker shows ${chosen || 'nothing'} after choosing "${title}" (${value}).`);
}

export async function checkIn(organiser: Page, name: string): Promise<void> {
  await organiser.getByRole('button', { name: `Check in: ${name}` }).click();
  await organiser.getByRole('row', { name: new RegExp(name) }).getByText('Checked in').waitFor();
}

/** The figure a results card shows, as a number (the console groups digits by the language's rules). */
export async function figure(page: Page, name: string): Promise<number> {
  const text = await page.locator(`[data-figure="${name}"] .figure-number`).innerText();
  return Number(text.replace(/[^\d]/g, ''));
}
