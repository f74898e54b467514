import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { appErrors, signInByPhone, thaiMobile } from "./people";

// The buyer's whole story in a real browser against the seeded e2e server: browse and search as a
// guest, cart kept across a reload and merged on sign-in, checkout with a new address, the server's
// quote (tax, voucher refusal), the sandbox gateway, the paid order with its timeline and invoice;
// then a second order paid by virtual account and cancelled.

const base = inject("baseUrl");
const newContext = useBrowser(base);

/** The address form of /checkout, filled for a delivery in `country`. */
async function fillAddress(
  page: Page,
  a: { name: string; phone: string; street: string; city: string; province: string; postalCode: string },
) {
  await page.getByLabel("Recipient's name").fill(a.name);
  await page.getByLabel("Phone number").fill(a.phone);
  await page.getByLabel("House number, street, building").fill(a.street);
  await page.locator("#address-city").fill(a.city);
  await page.locator("#address-province").fill(a.province);
  await page.getByLabel("Postal code").fill(a.postalCode);
}

/** Money as the page writes it ("THB 12,990.00", "฿12,990.00", "Rp 35.000"), in minor units. */
const minor = (text: string) => Number(text.replace(/[^\d]/g, ""));

/** The buyer's orders, as the API lists them to the bearer of the page's session. */
async function ordersOf(page: Page): Promise<{ id: string; number: string; status: string }[]> {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem("tchat.session") ?? "{}").accessToken);
  const res = await fetch(`${base}/api/v1/orders?limit=50`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await res.json()) as { items: { id: string; number: string; status: string }[] }).items;
}

describe("web app: cart, checkout and payment", () => {
  it("a guest finds a phone in Thai, keeps the cart over a reload, signs in, checks out, pays by QR and sees the order paid", async () => {
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    await page.goto("/");
    await page.getByRole("combobox", { name: "Search products" }).fill("มือถือ");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=/);
    await page.locator("main .card a", { hasText: "โทรศัพท์มือถือ Samsung Galaxy A55 5G" }).first().click();
    await page.waitForURL(/\/p\//);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText("Added to your cart.").waitFor();
    await page.reload();
    await page.getByTestId("cart-count").waitFor();
    expect(await page.getByTestId("cart-count").innerText()).toBe("1");

    await page.getByTestId("cart-link").click();
    await page.waitForURL(/\/cart$/);
    await page.getByTestId("cart-line").first().waitFor();
    const name = await page.getByTestId("cart-line").locator(".line-name").innerText();
    expect(name).toContain("Samsung Galaxy A55");

    // Signing in by phone merges the guest cart into the new account's.
    await page.getByRole("link", { name: "Sign in" }).click();
    await signInByPhone(page, base, thaiMobile());
    await page.waitForURL(/\/account$/);
    await page.getByTestId("cart-link").click();
    await page.getByTestId("cart-line").first().waitFor();
    expect(await page.getByTestId("cart-line").count()).toBe(1);
    expect(await page.getByTestId("cart-line").locator(".line-name").innerText()).toBe(name);
    expect(await page.evaluate(() => localStorage.getItem("tchat.cartToken"))).toBeNull();

    await page.getByRole("link", { name: "Go to checkout" }).click();
    await page.waitForURL(/\/checkout$/);
    await fillAddress(page, {
      name: "Somying Web",
      phone: "089 765 4321",
      street: "99/1 Sukhumvit Road",
      city: "Khlong Toei",
      province: "Bangkok",
      postalCode: "10110",
    });
    const shipping = page.getByTestId("shipping-options").getByRole("radio");
    await shipping.first().waitFor();
    if ((await shipping.count()) > 1) await shipping.nth(1).check();

    // The summary is the server's quote: tax worked out, total = subtotal + shipping + tax − discount.
    const summary = page.getByTestId("order-summary");
    await summary.getByTestId("summary-part-total").waitFor();
    const part = async (id: string) => minor(await summary.getByTestId(id).innerText());
    expect(await part("summary-tax")).toBeGreaterThan(0);
    expect(await part("summary-part-total")).toBe(
      (await part("summary-subtotal")) +
        (await part("summary-shipping")) +
        (await part("summary-tax")) -
        (await part("summary-discount")),
    );

    // An unknown voucher: the server's words under the field, and no order can be placed with it.
    await page.getByLabel("Voucher code (optional)").fill("NO-SUCH-VOUCHER");
    await page.getByRole("button", { name: "Apply" }).click();
    const note = page.locator("#checkout-voucher-note.problem");
    await note.waitFor();
    expect(await note.innerText()).toMatch(/voucher/i);
    expect(await page.getByRole("button", { name: "Place order" }).isDisabled()).toBe(true);
    await page.getByLabel("Voucher code (optional)").fill("");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.locator("#checkout-voucher-note.problem").waitFor({ state: "detached" });
    await summary.getByTestId("summary-part-total").waitFor();

    // A double click places one order.
    const place = page.getByRole("button", { name: "Place order" });
    await expect.poll(() => place.isEnabled()).toBe(true);
    await place.dblclick();
    await page.waitForURL(/\/orders\/[^/]+\/pay/);
    const placed = await ordersOf(page);
    expect(placed).toHaveLength(1);
    expect(placed[0].status).toBe("pending_payment");

    // Pay: the methods the server offers; the sandbox PromptPay QR is drawn from its string.
    const methods = page.getByTestId("payment-methods");
    await methods.getByLabel(/PromptPay \(test payment/).check();
    await page.getByRole("button", { name: "Pay now" }).click();
    await page.getByTestId("qr").waitFor();
    expect(await page.getByTestId("qr").locator("path").getAttribute("d")).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(await page.getByTestId("payment-status").innerText()).toBe("Waiting for your payment…");
    await page.getByRole("button", { name: "Simulate success" }).click();
    await page.getByText("Paid. Thank you!").waitFor();

    await page.getByRole("link", { name: `View order ${placed[0].number}` }).click();
    await page.waitForURL(new RegExp(`/orders/${placed[0].id}$`));
    await page.getByTestId("order-status").filter({ hasText: "Paid" }).waitFor();
    const timeline = page.getByTestId("timeline").locator("li");
    expect(await timeline.count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId("timeline").innerText()).toContain("Order placed");
    expect(await page.getByTestId("timeline").innerText()).toContain("Now: Paid");
    expect(await page.getByTestId("order-address").innerText()).toContain("99/1 Sukhumvit Road");

    // The invoice opens in a new tab, with this order in it.
    const popup = context.waitForEvent("page");
    await page.getByRole("button", { name: "Invoice" }).click();
    const invoice = await popup;
    // The tab opens blank, then shows the invoice fetched with the buyer's credentials.
    await invoice.waitForURL(/^blob:/);
    await invoice.waitForLoadState();
    expect(await invoice.locator("body").innerText()).toContain(placed[0].number);
    await invoice.close();

    // The orders list shows it, its status in words.
    await page.goto("/orders");
    await page.getByTestId("order-row").first().waitFor();
    expect(await page.getByTestId("order-row").count()).toBe(1);
    expect(await page.getByTestId("order-row").first().innerText()).toContain("Paid");
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });

  it("an order paid by virtual account shows the number with a copy button, and is cancelled from its page", async () => {
    const res = await fetch(`${base}/api/v1/search?q=${encodeURIComponent("sandal jepit")}&limit=5`);
    const { items } = (await res.json()) as { items: { id: string; price: { currency: string } }[] };
    const product = items.find((p) => p.price.currency === "IDR");
    expect(product).toBeDefined();
    const context = await newContext("en-US");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    const { page, errors } = await openPage(context);
    await page.goto("/signin");
    await signInByPhone(page, base, thaiMobile());
    await page.waitForURL(/\/account$/);

    await page.goto(`/p/${product?.id}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText("Added to your cart.").waitFor();
    await page.goto("/checkout");
    expect(await page.getByLabel("Country").inputValue()).toBe("ID");
    await fillAddress(page, {
      name: "Budi Web",
      phone: "0812 3456 7890",
      street: "Jl. Sudirman No. 1",
      city: "Jakarta Selatan",
      province: "DKI Jakarta",
      postalCode: "12190",
    });
    await page.getByTestId("shipping-options").getByRole("radio").first().waitFor();
    await page.getByTestId("order-summary").getByTestId("summary-part-total").waitFor();
    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/\/orders\/[^/]+\/pay/);

    await page
      .getByTestId("payment-methods")
      .getByLabel(/BCA Virtual Account \(test payment/)
      .check();
    await page.getByRole("button", { name: "Pay now" }).click();
    const number = await page.getByTestId("va-number").innerText();
    expect(number).toMatch(/^\d{8,}$/);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("Copied").waitFor();
    // (The test runs in Node: the page reads its own clipboard.)
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(number);

    // Not paid after all: the buyer cancels it from the order's page.
    const [order] = await ordersOf(page);
    await page.goto(`/orders/${order.id}`);
    await page.getByTestId("order-status").filter({ hasText: "Waiting for payment" }).waitFor();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Cancel order" }).click();
    await page.getByTestId("order-status").filter({ hasText: "Cancelled" }).waitFor();
    await page.reload();
    await page.getByTestId("order-status").filter({ hasText: "Cancelled" }).waitFor();
    expect(await page.getByRole("button", { name: "Cancel order" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Pay for this order" }).count()).toBe(0);
    expect((await ordersOf(page))[0].status).toBe("cancelled");
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });
});
