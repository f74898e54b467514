import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

// The browser tests drive Debian's Chromium (apt-get install chromium; .ci/run installs it when
// missing) through playwright-core: no browser download at install time.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-thai-tlwg (or set CHROMIUM_PATH)`);
  }
  // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
}

/** A fresh context (its own storage) at a phone's size, in `locale` (navigator.languages). */
export function phoneContext(browser: Browser, baseURL: string, locale = "en-US"): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
}

/**
 * A page that fails the test on any uncaught script error or console error: a broken view must
 * not pass just because the text the test looks for happens to be there.
 */
export async function openPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  return { page, errors };
}

/**
 * One browser for the calling test file, launched before its tests and closed after them; returns
 * a function that opens a fresh phone-sized context on `baseURL` in a locale.
 */
export function useBrowser(baseURL: string): (locale?: string) => Promise<BrowserContext> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (locale = "en-US") => {
    if (!browser) throw new Error("useBrowser: the browser is opened in beforeAll; call this inside a test");
    return phoneContext(browser, baseURL, locale);
  };
}
