import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";

// The storefront in a real browser against the seeded e2e server: search, product page, cart count.

const base = inject("baseUrl");
const newContext = useBrowser(base);

describe("web app: storefront", () => {
  it("a guest searches a Thai word inside Thai text, opens the product, picks a variant and adds it to the cart", async () => {
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    // "มือถือ" (mobile) is written inside "โทรศัพท์มือถือ" with no space in the seeded names.
    await page.goto(`/search?q=${encodeURIComponent("มือถือ")}`);
    const card = page.locator("main .card a", { hasText: "โทรศัพท์มือถือ Samsung Galaxy A55 5G" }).first();
    await card.click();
    await page.waitForURL(/\/p\//);
    await page.getByRole("heading", { level: 1, name: /โทรศัพท์มือถือ Samsung Galaxy A55/ }).waitFor();
    const radios = page.getByRole("radio");
    expect(await radios.count()).toBeGreaterThan(1);
    await radios.nth(1).check();
    await page.waitForURL(/variant=/);
    await page.getByTestId("availability").waitFor();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText("Added to your cart.").waitFor();
    expect(await page.getByTestId("cart-count").innerText()).toBe("1");
    // The guest cart token is kept: the count is still there after a reload, and so is the variant.
    const url = page.url();
    await page.reload();
    await page.getByTestId("cart-count").waitFor();
    expect(await page.getByTestId("cart-count").innerText()).toBe("1");
    expect(page.url()).toBe(url);
    expect(await page.getByRole("radio").nth(1).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a product deep link survives a reload and shows reviews, similar products and the shop", async () => {
    const res = await fetch(`${base}/api/v1/search?q=samsung&limit=1`);
    const { items } = (await res.json()) as { items: { id: string; name: string }[] };
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    expect((await page.goto(`/p/${items[0].id}`))?.status()).toBe(200);
    await page.getByRole("heading", { level: 1, name: items[0].name }).waitFor();
    await page.getByTestId("similar").locator(".card:not(.card-placeholder)").first().waitFor();
    await page.getByRole("button", { name: "Chat with the shop" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: items[0].name }).waitFor();
    await page.getByRole("button", { name: "Chat with the shop" }).click();
    await page.waitForURL(/\/signin\?next=/);
    expect(decodeURIComponent(page.url())).toContain(`/p/${items[0].id}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the header box suggests as you type, with the keyboard", async () => {
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search products" });
    await box.pressSequentially("sams", { delay: 30 });
    const options = page.getByRole("listbox").getByRole("option");
    await options.first().waitFor();
    expect((await options.allInnerTexts()).some((s) => s.toLowerCase().startsWith("sams"))).toBe(true);
    await box.press("ArrowDown");
    expect(await box.getAttribute("aria-activedescendant")).toBe("search-suggestions-0");
    const first = await options.first().innerText();
    await box.press("Enter");
    await page.waitForURL(/\/search\?q=/);
    expect(await box.inputValue()).toBe(first);
    await page.locator("main .card:not(.card-placeholder)").first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sorting and facets change the results, and the URL keeps them across a reload", async () => {
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    await page.goto("/search?q=samsung");
    await page.locator("main .card:not(.card-placeholder)").first().waitFor();
    const total = await page.getByTestId("search-total").innerText();
    await page.getByRole("combobox", { name: "Sort by" }).selectOption("price_asc");
    await page.waitForURL(/sort=price_asc/);
    await page.locator("main .card:not(.card-placeholder)").first().waitFor();
    const brand = page.getByTestId("facet-brand").getByRole("link").first();
    await brand.click();
    await page.waitForURL(/brand=/);
    await page.getByTestId("facet-brand").locator('[aria-current="true"]').waitFor();
    await page.reload();
    await page.getByTestId("facet-brand").locator('[aria-current="true"]').waitFor();
    expect(await page.getByRole("combobox", { name: "Sort by" }).inputValue()).toBe("price_asc");
    const filtered = await page.getByTestId("search-total").innerText();
    expect(filtered).not.toBe("");
    expect(Number(filtered.replace(/\D/g, ""))).toBeLessThanOrEqual(Number(total.replace(/\D/g, "")));
    expect(errors).toEqual([]);
    await context.close();
  });
});
