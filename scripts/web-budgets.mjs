// `npm run web:budgets`: measures what the web app costs a phone and prints it (issue 14's budgets):
// - the storefront's first-load JavaScript, at most 150 KB gzip (the production build, as served);
// - Lighthouse (the npm package, driving the same Chromium as the browser tests) on home, a product
//   page and a chat room (signed in through the dev outbox's OTP), performance ≥ 90 and
//   accessibility ≥ 95, mobile form factor (Lighthouse's default: a mid-range phone on slow 4G,
//   simulated) unless `--desktop`.
// It boots a throwaway platform, or measures one already running: `--base-url http://127.0.0.1:8787`
// (or WEB_BASE_URL). `--js-only` skips Lighthouse; `--reports DIR` keeps each page's full report (JSON);
// `--pages home,chat` measures only those. Exits 1 when any number misses its budget.
// Scores are printed, not asserted in the timed test suite: they depend on the machine's load.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWeb, firstLoadScripts } from "./build-web.mjs";
import { ROOT } from "./dev-vars.mjs";
import { CHROMIUM, chatWithMessages, option, pickProduct, requireChromium, startPlatform } from "./web-platform.mjs";

const BUDGET_KB = 150;
const MIN_SCORES = { performance: 90, accessibility: 95 };

function measureJs() {
  let total = 0;
  for (const script of firstLoadScripts()) {
    const gzip = gzipSync(readFileSync(script.path), { level: 9 }).byteLength;
    total += gzip;
    console.log(
      `  ${relative(ROOT, script.path)}  ${(script.bytes / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`,
    );
  }
  const kb = total / 1024;
  const verdict = kb <= BUDGET_KB ? "within" : "OVER";
  console.log(`First-load JavaScript of home: ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB: ${verdict})`);
  return kb <= BUDGET_KB;
}

/**
 * Puts the signed-in session where web/src/api/session.ts keeps it (localStorage of the app's
 * origin) in Lighthouse's Chromium, and empties the HTTP cache so the run is still a cold load.
 */
async function seedSession(port, baseUrl, session) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`${baseUrl}/favicon.svg`);
  await page.evaluate((s) => localStorage.setItem("tchat.session", JSON.stringify(s)), session);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await page.close();
  await browser.close();
}

/** The audits that cost points, worst first, so the printout says what to fix. */
function losses(category, audits) {
  return category.auditRefs
    .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 0.9)
    .sort((a, b) => audits[a.id].score - audits[b.id].score)
    .map((ref) => {
      const audit = audits[ref.id];
      return `      - ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`;
    });
}

async function lighthouseRun(chrome, url, { desktop, keepStorage }) {
  const { default: lighthouse } = await import("lighthouse");
  const config = desktop ? (await import("lighthouse/core/config/desktop-config.js")).default : undefined;
  const flags = {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    // The chat room needs the session seeded above; Lighthouse would wipe it with the origin's storage.
    disableStorageReset: keepStorage,
  };
  const result = await lighthouse(url, flags, config);
  return result.lhr;
}

async function measurePages(desktop) {
  requireChromium();
  const chromeLauncher = await import("chrome-launcher");
  const platform = await startPlatform(option("base-url", "WEB_BASE_URL"));
  let chrome;
  let ok = true;
  try {
    const product = await pickProduct(platform.baseUrl);
    const chat = await chatWithMessages(platform.baseUrl, ["Hi! Is the parcel on its way?", "Yes, it ships today."]);
    const pages = [
      { name: "home", path: "/" },
      { name: "product", path: `/p/${encodeURIComponent(product.id)}` },
      { name: "chat", path: `/chat/${encodeURIComponent(chat.dialogId)}`, session: chat.me.session },
    ];
    const only = option("pages", "WEB_PAGES")?.split(",");
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    });
    console.log(`Lighthouse (${desktop ? "desktop" : "mobile"}), ${platform.baseUrl}:`);
    for (const page of pages.filter((p) => !only || only.includes(p.name))) {
      if (page.session) await seedSession(chrome.port, platform.baseUrl, page.session);
      const lhr = await lighthouseRun(chrome, `${platform.baseUrl}${page.path}`, {
        desktop,
        keepStorage: Boolean(page.session),
      });
      const reports = option("reports", "WEB_REPORTS");
      if (reports) {
        mkdirSync(reports, { recursive: true });
        writeFileSync(join(reports, `${page.name}.json`), JSON.stringify(lhr));
      }
      const line = [];
      for (const [id, min] of Object.entries(MIN_SCORES)) {
        const score = Math.round((lhr.categories[id].score ?? 0) * 100);
        line.push(`${id} ${score}${score < min ? ` (below ${min})` : ""}`);
        if (score < min) ok = false;
      }
      console.log(`  ${page.name.padEnd(8)} ${line.join(", ")}`);
      for (const id of Object.keys(MIN_SCORES)) for (const l of losses(lhr.categories[id], lhr.audits)) console.log(l);
    }
  } finally {
    await chrome?.kill();
    await platform.stop();
  }
  return ok;
}

// Always the production build: a dist/web left by the test runner (NODE_ENV=test) carries Preact's
// debugging code and would be measured instead of what users download.
process.env.NODE_ENV = "production";
await buildWeb({ force: true });
let ok = measureJs();
if (!process.argv.includes("--js-only")) ok = (await measurePages(process.argv.includes("--desktop"))) && ok;
if (!ok) process.exit(1);
