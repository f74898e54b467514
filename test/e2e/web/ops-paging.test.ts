import { describe, expect, inject, it } from "vitest";
import { seededAdmin } from "./admin";
import { openPage, useBrowser } from "./browser";
import { appErrors, BANGKOK_ADDRESS, call, contextAs, type Person, shopWithProduct, signIn } from "./people";

// A cursor-paged list of the operator console (usePagedApi) clicked through: the payments of one
// order, more than a page of them, "More" appends the next page once (no repeats), and a new
// filter starts again from the first page of what it shows.

const base = inject("baseUrl");
const newContext = useBrowser(base);
const PAGE = 20; // the API's default page size (DEFAULT_PAGE_LIMIT), which the console asks for

/**
 * One unpaid order and `count` payment requests for it, newest last. Each asks for another method
 * than the one before (the same request would get the open payment back), so it replaces
 * (supersedes) it: all but the last are listed under the "superseded" status.
 */
async function orderWithPaymentRequests(count: number): Promise<{ orderId: string; paymentIds: string[] }> {
  const seller = await signIn("Pia Paging");
  const { product } = await shopWithProduct(seller, "Paging shop", { name: "Cotton scarf", price: 15_900, stock: 5 });
  const buyer: Person = await signIn("Bank Buyer");
  await call("/api/v1/cart/items", { token: buyer.token, body: { productId: product.id, quantity: 1 } });
  const { orders } = await call("/api/v1/orders", {
    token: buyer.token,
    key: crypto.randomUUID(),
    body: { shippingAddress: BANGKOK_ADDRESS },
  });
  const orderId = (orders[0] as { id: string }).id;
  const paymentIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const payment = await call("/api/v1/payments", {
      token: buyer.token,
      key: crypto.randomUUID(),
      body: { orderIds: [orderId], gateway: "sandbox", method: i % 2 === 0 ? "promptpay" : "qris" },
    });
    paymentIds.push(payment.id);
  }
  expect(new Set(paymentIds).size).toBe(count);
  return { orderId, paymentIds };
}

describe("operator console: a paged list", () => {
  it("More appends the next page without repeats; a new filter shows the first page again", async () => {
    const { orderId, paymentIds } = await orderWithPaymentRequests(PAGE + 2);
    const superseded = paymentIds.slice(0, -1); // PAGE + 1 of them: one more than a page
    const context = await contextAs(newContext, await seededAdmin());
    const { page, errors } = await openPage(context);
    const shown = () =>
      page.getByTestId("ops-payment").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-id") ?? ""));
    const more = page.getByRole("button", { name: "More", exact: true });

    await page.goto("/ops/payments");
    await page.getByLabel("Status").selectOption("superseded");
    await page.getByLabel("Order id").fill(orderId);
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(() => page.getByTestId("ops-payment").count()).toBe(PAGE);
    const firstPage = await shown();
    // Newest first: the first page holds the PAGE newest superseded requests.
    expect([...firstPage].sort()).toEqual(superseded.slice(-PAGE).sort());

    // A double click while the page loads appends it once.
    await more.dblclick();
    await expect.poll(() => page.getByTestId("ops-payment").count()).toBe(PAGE + 1);
    const all = await shown();
    expect(all.slice(0, PAGE)).toEqual(firstPage);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...superseded].sort());
    // The last page is shown: no More.
    await expect.poll(() => more.count()).toBe(0);

    // Another filter: its own first page, nothing appended before carried over.
    await page.getByLabel("Status").selectOption("pending");
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(shown).toEqual([paymentIds[paymentIds.length - 1]]);
    // And back: the first page again, not the pages "More" had appended.
    await page.getByLabel("Status").selectOption("superseded");
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(shown).toEqual(firstPage);
    await expect.poll(() => more.count()).toBe(1);

    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });
});
