// `npm run web:screenshots`: pictures of the web app for the README (docs/screenshots/*.png): home,
// a product page, checkout and a chat room, at a phone's size (360×800) and a desktop's (1280×800),
// one set in Thai. Drives Debian's Chromium through playwright-core, like the browser tests, against
// a throwaway platform (or `--base-url URL`), with people signed in through the dev outbox's OTP.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT } from "./dev-vars.mjs";
import {
  CHROMIUM,
  call,
  chatWithMessages,
  option,
  pickProduct,
  requireChromium,
  signInByPhone,
  startPlatform,
} from "./web-platform.mjs";

const OUT = join(ROOT, "docs/screenshots");
const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1280, height: 800 };

/** Opens `path` signed in as `session` (or a guest) and waits until no request is in flight. */
async function shoot(browser, baseUrl, { path, file, viewport, locale, session, waitFor }) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, deviceScaleFactor: 1, locale });
  await context.addInitScript(
    ({ session, lang }) => {
      if (session) localStorage.setItem("tchat.session", JSON.stringify(session));
      localStorage.setItem("tchat.locale", lang);
    },
    { session, lang: locale.split("-")[0] },
  );
  const page = await context.newPage();
  await page.goto(path, { waitUntil: "networkidle" });
  if (waitFor) await page.locator(waitFor).first().waitFor({ timeout: 15_000 });
  // Lazy images below the first screen are not in the picture; wait for the ones that are.
  await page.waitForFunction(() => [...document.images].every((img) => img.loading === "lazy" || img.complete));
  await page.screenshot({ path: join(OUT, file) });
  await context.close();
  console.log(`  docs/screenshots/${file}`);
}

requireChromium();
mkdirSync(OUT, { recursive: true });
const platform = await startPlatform(option("base-url", "WEB_BASE_URL"));
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
try {
  const base = platform.baseUrl;
  const product = await pickProduct(base);
  const chat = await chatWithMessages(
    base,
    ["สวัสดีครับ พัสดุส่งแล้วหรือยัง", "ส่งแล้วค่ะ จะถึงพรุ่งนี้", "ขอบคุณมากครับ"],
    ["สมชาย", "มาลี"],
  );
  // A buyer with that product in the cart: checkout shows its address form, options and summary.
  const buyer = await signInByPhone(base, "Dewi");
  await call(base, "/api/v1/cart/items", {
    token: buyer.session.accessToken,
    body: { productId: product.id, quantity: 1 },
  });
  const en = "en-US";
  const th = "th-TH";
  const shots = [
    { path: "/", file: "home-phone.png", viewport: PHONE, locale: en, waitFor: ".grid .card:not(.card-placeholder)" },
    {
      path: "/",
      file: "home-desktop.png",
      viewport: DESKTOP,
      locale: en,
      waitFor: ".grid .card:not(.card-placeholder)",
    },
    { path: `/p/${product.id}`, file: "product-phone.png", viewport: PHONE, locale: en, waitFor: "h1" },
    { path: `/p/${product.id}`, file: "product-th-desktop.png", viewport: DESKTOP, locale: th, waitFor: "h1" },
    { path: "/checkout", file: "checkout-phone.png", viewport: PHONE, locale: en, session: buyer.session },
    {
      path: `/chat/${chat.dialogId}`,
      file: "chat-th-phone.png",
      viewport: PHONE,
      locale: th,
      session: chat.me.session,
    },
    {
      path: `/chat/${chat.dialogId}`,
      file: "chat-desktop.png",
      viewport: DESKTOP,
      locale: en,
      session: chat.me.session,
    },
  ];
  console.log("Screenshots:");
  for (const shot of shots) {
    const waitFor = shot.waitFor ?? (shot.path.startsWith("/chat/") ? '[data-testid="message"][data-seq]' : "h1");
    await shoot(browser, base, { ...shot, waitFor });
  }
} finally {
  await browser.close();
  await platform.stop();
}
