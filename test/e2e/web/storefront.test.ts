import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";

// The web app in a real browser against the e2e server (test/e2e/global-setup.ts, seeded data).

const base = inject("baseUrl");
const newContext = useBrowser(base);

/** The seeded category names as the API gives them in `locale`: what the home page must show. */
async function categoryNames(locale: string): Promise<string[]> {
  const res = await fetch(`${base}/api/v1/categories?locale=${locale}`);
  const { items } = (await res.json()) as { items: { name: string }[] };
  return items.map((c) => c.name);
}

describe("web app: home", () => {
  it("shows the categories in Thai to a Thai browser and in English to an English one", async () => {
    for (const [browserLocale, locale, heading] of [
      ["th-TH", "th", "หมวดหมู่"],
      ["en-US", "en", "Categories"],
    ] as const) {
      const context = await newContext(browserLocale);
      const { page, errors } = await openPage(context);
      await page.goto("/");
      const categories = page.getByTestId("categories");
      await categories.waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe(locale);
      expect(await page.getByRole("heading", { level: 2, name: heading }).count()).toBe(1);
      const expected = await categoryNames(locale);
      expect(expected.length).toBeGreaterThan(0);
      expect(await categories.getByRole("link").allInnerTexts()).toEqual(expected);
      await page.getByTestId("trending").locator(".card:not(.card-placeholder)").first().waitFor();
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("switches language from the header: text and money format change, and the choice survives a reload", async () => {
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    await page.goto("/");
    const trending = page.getByTestId("trending");
    await trending.locator(".card:not(.card-placeholder)").first().waitFor();
    const english = await trending.getByTestId("price").allInnerTexts();
    expect(await page.getByRole("link", { name: "Sign in" }).count()).toBe(1);

    await page.getByRole("combobox", { name: "Language" }).selectOption("th");
    await page.getByRole("heading", { level: 2, name: "หมวดหมู่" }).waitFor();
    await page.getByRole("link", { name: "เข้าสู่ระบบ" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("th");
    // The list is fetched again in Thai: wait until its prices are written the Thai way.
    await trending.getByTestId("price").filter({ hasText: "฿" }).first().waitFor();
    const thai = await trending.getByTestId("price").allInnerTexts();
    // Same products, same amounts, each shown the way a Thai reader writes money (Intl, th-TH).
    expect(thai.length).toBe(english.length);
    expect(thai).not.toEqual(english);
    expect(thai.some((price) => price.startsWith("฿"))).toBe(true);
    expect(english.some((price) => price.startsWith("฿"))).toBe(false);

    await page.reload();
    await page.getByTestId("categories").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("th");
    expect(await page.getByRole("combobox", { name: "ภาษา" }).inputValue()).toBe("th");
    expect(await page.getByTestId("categories").getByRole("link").allInnerTexts()).toEqual(await categoryNames("th"));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("web app: deep links and the API beside it", () => {
  it("a search link survives a reload: the server answers the app, the app shows the results", async () => {
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    const res = await page.goto("/search?q=samsung");
    expect(res?.status()).toBe(200);
    await page.getByRole("heading", { level: 1, name: "Results for “samsung”" }).waitFor();
    await page.locator("main .card:not(.card-placeholder)").first().waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Results for “samsung”" }).waitFor();
    await page.locator("main .card:not(.card-placeholder)").first().waitFor();
    expect(await page.getByRole("combobox", { name: "Search products" }).inputValue()).toBe("samsung");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("searching from the header box goes to the results page without a full reload", async () => {
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    await page.goto("/");
    await page.getByTestId("categories").waitFor();
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
    await page.getByRole("combobox", { name: "Search products" }).fill("samsung");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=samsung$/);
    await page.locator("main .card:not(.card-placeholder)").first().waitFor();
    expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("every page path of the contract serves the app on reload; a path with no page says so", async () => {
    for (const path of [
      "/p/zz-some-product",
      "/orders/zz-some-order",
      "/chat/zz-dialog",
      "/wallet",
      "/seller",
      "/ops",
    ]) {
      const res = await fetch(`${base}${path}`, { headers: { Accept: "text/html", "Sec-Fetch-Mode": "navigate" } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toContain("text/html");
      expect(await res.text(), path).toContain('<div id="app">');
    }
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    await page.goto("/ops/zz-no-such-section");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await page.getByRole("link", { name: "Go to the home page" }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("API paths, guessed paths and the docs still reach the Worker: a 404 for each, a page only for a person", async () => {
    // Programs (fetch sends Sec-Fetch-Mode: cors) get problem+json, even when they accept HTML.
    for (const path of ["/api/v1/no-such-thing", "/v1/categories", "/admin", "/.env", "/index.html"]) {
      const res = await fetch(`${base}${path}`, { headers: { Accept: "text/html" } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { code: string }).code, path).toBe("not_found");
    }
    // A person who types or follows a wrong link sees the app's page, in their language, still a 404.
    const context = await newContext("th-TH");
    const { page, errors } = await openPage(context);
    for (const path of ["/v1/categories", "/admin", "/.env"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await page.getByRole("heading", { level: 1, name: "ไม่พบหน้านี้" }).waitFor();
      expect(await page.getByRole("link", { name: "ไปที่หน้าแรก" }).count(), path).toBe(1);
    }
    // The API's own paths stay problem+json in a browser tab too.
    const api = await page.goto("/api/v1/no-such-thing");
    expect(api?.status()).toBe(404);
    expect(api?.headers()["content-type"]).toMatch(/^application\/problem\+json/);
    // The browser logs each 404 document load; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes("status of 404"))).toEqual([]);
    await context.close();
    const docs = await fetch(`${base}/docs`, { headers: { Accept: "text/html" } });
    expect(await docs.text()).toContain("/openapi.json");
    expect((await fetch(`${base}/openapi.json`)).headers.get("content-type")).toContain("application/json");
  });
});
