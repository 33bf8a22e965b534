import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './platform-file';

/** Debian's chromium package (deploy/local/dependencies.sh installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (npm test does it through deploy/local/dependencies.sh) or set CHROMIUM_PATH.`);
  }
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root in a container has no user namespaces for the sandbox; SwiftShader gives sigma.js WebGL without a GPU.
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

/** One browser for the suite, launched before its tests and closed after them; call the result to get it. */
export function browserForSuite(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the suite browser is not launched yet (browserForSuite runs in beforeAll)');
    return browser;
  };
}

const openPages = new Set<Page>();

/** Saves every page still open (e2e-setup.js calls it after a failed test). */
async function saveOpenPages(testName: string): Promise<void> {
  const label = testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
  let n = 0;
  for (const page of openPages) {
    if (!page.isClosed()) await screenshot(page, `failed-${label}-${++n}`).catch(() => undefined);
  }
}
(globalThis as { e2eSaveOpenPages?: typeof saveOpenPages }).e2eSaveOpenPages = saveOpenPages;

/** A fresh browser profile (its own sessionStorage, so its own signed-in person) at the gateway's address. */
export async function newVisitor(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-GB' });
  const page = await context.newPage();
  openPages.add(page);
  page.once('close', () => openPages.delete(page));
  return { context, page };
}

/** Saves what the page looks like now; look at them after a run (.cache/e2e/screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
