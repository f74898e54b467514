import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useOwnServer } from "../own-server";
import { launchBrowser, openPage, phoneContext } from "./browser";
import { appErrors, call, contextAs, signIn } from "./people";

// Issue 17: a seller fills in the shop's pickup address in Shop settings (/seller/:shopId/settings),
// sees the server's 422 for a wrong postal code, saves, reloads and finds it; Flash Express then
// prices that shop's parcels from it. The file runs its own server with live rates on and Flash
// Express pointed at a stand-in below, which answers estimate_rate as Flash's Open API documents it
// (form POST signed with SHA-256 over the sorted parameters and the secret key) and records the asks.

/** The development FLASH_SECRET_KEY (.dev.vars.example) the server signs with. */
const FLASH_SECRET = "tchat-development-flash-secret-key";
const ESTIMATE_SATANG = 4_200;

const asked: Record<string, string>[] = [];

function flashSign(params: Record<string, string>): string {
  const base = Object.keys(params)
    .filter((k) => k !== "sign" && params[k].trim() !== "")
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
  return createHash("sha256").update(`${base}&key=${FLASH_SECRET}`).digest("hex").toUpperCase();
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text;
}

const flash = createServer(async (req, res) => {
  const form = Object.fromEntries(new URLSearchParams(await bodyOf(req)));
  const answer = (body: unknown) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.method !== "POST" || req.url !== "/open/v1/orders/estimate_rate") {
    return answer({ code: 1006, message: "not found", data: null });
  }
  if (form.sign !== flashSign(form)) return answer({ code: 1001, message: "sign error", data: null });
  asked.push(form);
  answer({
    code: 1,
    message: "success",
    data: { estimatePrice: ESTIMATE_SATANG, upCountry: false, upCountryAmount: 0 },
  });
});
await new Promise<void>((resolve) => flash.listen(0, "127.0.0.1", resolve));
const flashUrl = `http://127.0.0.1:${(flash.address() as AddressInfo).port}`;

const own = useOwnServer({
  vars: { COURIER_LIVE_RATES: "true", COURIERS: "flash", FLASH_BASE_URL: flashUrl },
  cronTicker: false,
});
let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => flash.close(resolve));
});

/** POST /shipping/rates for a guest cart holding one of `productId`, to a Bangkok address. */
async function flashRate(productId: string) {
  const added = await fetch(`${own.base}/api/v1/cart/items`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ productId, quantity: 1 }),
  });
  expect(added.status).toBe(200);
  const cartToken = added.headers.get("X-Cart-Token") ?? "";
  const res = await fetch(`${own.base}/api/v1/shipping/rates`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Cart-Token": cartToken },
    body: JSON.stringify({
      destination: { country: "TH", postalCode: "10110", city: "Khlong Toei Nuea, Watthana", province: "Bangkok" },
    }),
  });
  expect(res.status).toBe(200);
  const rates = (await res.json()) as {
    options: { id: string; cost: { amount: number }; source?: string }[];
    fallback?: { courier: string; reason: string; detail?: string }[];
  };
  return { option: rates.options.find((o) => o.id === "th-flash-standard"), fallback: rates.fallback ?? [] };
}

describe("shop settings: the pickup address", { timeout: 420_000 }, () => {
  it("the owner fills it in, a wrong postal code shows the 422, it survives a reload, and Flash prices from it", async () => {
    const at = own.base;
    const owner = await signIn("Malee Seller", at);
    const shop = await call("/api/v1/shops", {
      at,
      token: owner.token,
      body: {
        name: `Malee ${crypto.randomUUID().slice(0, 6)}`,
        category: "electronics",
        country: "TH",
        currency: "THB",
        contact: { phone: "02 123 4567", address: "MBK Center, Bangkok 10330" },
      },
    });
    const product = await call("/api/v1/products", {
      at,
      token: owner.token,
      body: {
        shopId: shop.id,
        name: "หูฟังไร้สาย",
        description: "Wireless earbuds",
        sku: `E2E-${crypto.randomUUID().slice(0, 8)}`,
        price: { amount: 99_000, currency: "THB" },
        stock: 5,
        weightGrams: 400,
      },
    });
    // Before: Flash cannot place the shop, so its card stands and the answer says what to do.
    const before = await flashRate(product.id);
    expect(before.option?.source).toBeUndefined();
    expect(before.fallback).toEqual([
      expect.objectContaining({
        courier: "flash",
        reason: "origin_unresolved",
        detail: expect.stringMatching(/Shop settings/),
      }),
    ]);

    if (!browser) throw new Error("the browser opens in beforeAll");
    const opened = browser;
    const context = await contextAs(() => phoneContext(opened, at), owner);
    const { page, errors } = await openPage(context);
    await page.goto(`/seller/${shop.id}`);
    await page.getByRole("link", { name: "Shop settings" }).click();
    await page.waitForURL(`**/seller/${shop.id}/settings`);
    await page.getByTestId("pickup-country").getByText("Thailand").waitFor();
    expect(await page.getByLabel("Phone").inputValue()).toBe("+6621234567");

    await page.getByLabel("Street and number").fill("444 Phaya Thai Rd");
    await page.getByLabel("Building, floor, unit (optional)").fill("MBK Center, 4th floor");
    await page.getByLabel("District", { exact: true }).fill("Wang Mai, Pathum Wan");
    await page.getByLabel("Province").fill("Bangkok");
    await page.getByLabel("Postal code").fill("1033");
    await page.getByRole("button", { name: "Save settings" }).click();
    // The refusal shows under the field it is about, once (not repeated above the button).
    const notice = page.locator("#shop-pickup-postalCode-error");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("That postal code does not exist in Thailand");
    expect(await notice.textContent()).toContain("5 digits");
    expect(await page.getByText("That postal code does not exist in Thailand").count()).toBe(1);
    expect(await page.getByLabel("Postal code").getAttribute("aria-invalid")).toBe("true");
    const unchanged = await call(`/api/v1/shops/${shop.id}`, { at, token: owner.token });
    expect(unchanged.contact.pickupAddress).toBeUndefined();

    await page.getByLabel("Postal code").fill("10330");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    await page.reload();
    await page.getByTestId("pickup-address").waitFor();
    expect(await page.getByLabel("Street and number").inputValue()).toBe("444 Phaya Thai Rd");
    expect(await page.getByLabel("District", { exact: true }).inputValue()).toBe("Wang Mai, Pathum Wan");
    expect(await page.getByLabel("Postal code").inputValue()).toBe("10330");
    const saved = await call(`/api/v1/shops/${shop.id}`, { at, token: owner.token });
    expect(saved.contact).toEqual({
      phone: "+6621234567",
      address: "MBK Center, Bangkok 10330",
      pickupAddress: {
        street: "444 Phaya Thai Rd",
        street2: "MBK Center, 4th floor",
        city: "Wang Mai, Pathum Wan",
        province: "Bangkok",
        postalCode: "10330",
      },
    });
    const publicView = await call(`/api/v1/shops/${shop.id}`, { at });
    expect(publicView.contact).toBeUndefined();

    // After: Flash is asked from the pickup address and its price replaces the card.
    const after = await flashRate(product.id);
    expect(after.option).toMatchObject({ cost: { amount: ESTIMATE_SATANG }, source: "courier" });
    expect(after.fallback).toEqual([]);
    expect(asked.at(-1)).toMatchObject({
      srcProvinceName: "Bangkok",
      srcCityName: "Wang Mai, Pathum Wan",
      srcPostalCode: "10330",
      dstPostalCode: "10110",
      weight: "400",
    });
    expect(appErrors(errors)).toEqual([]);
  });
});
