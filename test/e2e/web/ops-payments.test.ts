import { describe, expect, inject, it } from "vitest";
import { seededAdmin } from "./admin";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs, signIn } from "./people";

// The operator console's payments page: the seeded admin finds a paid sandbox payment by its order
// id, refunds part of it with a reason, and sees the refunded and still refundable amounts; an amount
// above what is left shows the server's detail. The verification queue page lists or says it is empty.

const base = inject("baseUrl");
const newContext = useBrowser(base);

/** A buyer's order of one ฿299.00 shirt (with shipping and tax), paid through the sandbox gateway. */
async function paidOrder(): Promise<{ orderId: string; paymentId: string; paid: number }> {
  const seller = await signIn("Rita Refund");
  const shop = await call("/api/v1/shops", {
    token: seller.token,
    body: {
      name: `Refund shop ${crypto.randomUUID().slice(0, 6)}`,
      category: "fashion",
      country: "TH",
      currency: "THB",
    },
  });
  const product = await call("/api/v1/products", {
    token: seller.token,
    body: {
      shopId: shop.id,
      name: "Linen shirt",
      description: "A linen shirt",
      sku: `SHIRT-${crypto.randomUUID().slice(0, 8)}`,
      price: { amount: 29_900, currency: "THB" },
      stock: 5,
      weightGrams: 300,
    },
  });
  const buyer = await signIn("Bo Buyer");
  await call("/api/v1/cart/items", { token: buyer.token, body: { productId: product.id, quantity: 1 } });
  const { orders } = await call("/api/v1/orders", {
    token: buyer.token,
    key: crypto.randomUUID(),
    body: {
      shippingAddress: {
        recipientName: "Bo Buyer",
        phone: "089 765 4321",
        street: "12 Silom Road",
        city: "Bang Rak",
        province: "Bangkok",
        postalCode: "10500",
        country: "TH",
      },
    },
  });
  const orderId = (orders[0] as { id: string }).id;
  const payment = await call("/api/v1/payments", {
    token: buyer.token,
    key: crypto.randomUUID(),
    body: { orderIds: [orderId], gateway: "sandbox", method: "promptpay" },
  });
  await call(`/api/v1/payments/${payment.id}/simulate`, { token: buyer.token, body: { outcome: "success" } });
  return { orderId, paymentId: payment.id, paid: payment.amount.amount as number };
}

describe("operator console: payments and verifications", () => {
  it("the seeded admin filters by order id, refunds part of the payment, and sees the refunded amount", async () => {
    const { orderId, paymentId, paid } = await paidOrder();
    // Amounts as the en-US page shows them, grouping commas and all ("THB 1,234.56").
    const baht = (minor: number) => (minor / 100).toLocaleString("en-US", { minimumFractionDigits: 2 });
    const context = await contextAs(newContext, await seededAdmin());
    const { page, errors } = await openPage(context);
    await page.goto("/ops");
    await page.getByRole("link", { name: "Payments" }).click();
    await page.getByLabel("Order id").fill(orderId);
    await page.getByRole("button", { name: "Show" }).click();
    const card = page.locator(`[data-testid="ops-payment"][data-id="${paymentId}"]`);
    await expect.poll(() => page.getByTestId("ops-payment").count()).toBe(1);
    await expect.poll(() => card.getByTestId("ops-payment-refundable").textContent()).toContain(baht(paid));
    // More than what was paid: the server's detail is shown, nothing refunded.
    await card.getByLabel(/Amount to refund/).fill("100000");
    await card.getByLabel("Reason for the refund").fill("Too much on purpose");
    await card.getByRole("button", { name: "Refund" }).click();
    await expect.poll(() => card.getByRole("alert").count()).toBeGreaterThan(0);
    expect(await card.getByTestId("ops-payment-refunded").textContent()).toContain("0.00");
    await card.getByLabel(/Amount to refund/).fill("100");
    await card.getByLabel("Reason for the refund").fill("Shirt arrived torn; seller agreed");
    await card.getByRole("button", { name: "Refund" }).click();
    await expect.poll(() => card.getByTestId("ops-payment-refunded").textContent()).toContain("100.00");
    await expect.poll(() => card.getByTestId("ops-payment-refundable").textContent()).toContain(baht(paid - 10_000));
    const listed = await call(`/api/v1/admin/payments?orderId=${orderId}`, { token: (await seededAdmin()).token });
    expect(listed.items[0].refunded).toEqual({ amount: 10_000, currency: "THB" });
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });

  it("the verification queue lists waiting requests (or says none is waiting)", async () => {
    const context = await contextAs(newContext, await seededAdmin());
    const { page, errors } = await openPage(context);
    await page.goto("/ops/verifications");
    await expect
      .poll(
        async () =>
          (await page.getByTestId("ops-verification").count()) +
          (await page.getByText("No verification request is waiting.").count()),
      )
      .toBeGreaterThan(0);
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });
});
