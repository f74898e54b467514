import { describe, expect, inject, it } from "vitest";
import { seededAdmin } from "./admin";
import { openPage, useBrowser } from "./browser";
import { appErrors, BANGKOK_ADDRESS, call, contextAs, orderAndPay, shopWithProduct, signIn } from "./people";

// The operator console's COD remittances (issue 17): a courier's CSV statement uploaded, one line
// for a delivered cash-on-delivery parcel at its amount and one for a tracking number nobody
// shipped. A statement with a bad line is refused line by line first and records nothing.

const base = inject("baseUrl");
const newContext = useBrowser(base);

/** A COD order booked with the sandbox courier and delivered: the courier now holds its cash. */
async function deliveredCodParcel() {
  const seller = await signIn("Cora Cod");
  const { product } = await shopWithProduct(seller, "Cash shop", { name: "Rice cooker", price: 89_900, stock: 3 });
  const buyer = await signIn("Bao Buyer");
  const { order } = await orderAndPay(buyer, product.id, 1, BANGKOK_ADDRESS, { gateway: "cod", method: "cod" });
  const shipment = await call(`/api/v1/orders/${order.id}/shipments`, {
    token: seller.token,
    key: crypto.randomUUID(),
    body: { courier: "sandbox", service: "standard" },
  });
  for (const status of ["picked_up", "in_transit", "out_for_delivery", "delivered"]) {
    await call(`/api/v1/shipments/${shipment.id}/simulate`, { token: seller.token, body: { status } });
  }
  return {
    orderId: order.id as string,
    trackingNumber: shipment.trackingNumber as string,
    cod: shipment.cod as { amount: number; currency: string },
  };
}

describe("operator console: COD remittances", () => {
  it("an admin uploads a courier statement with one unknown line and sees the mismatch", async () => {
    const parcel = await deliveredCodParcel();
    expect(parcel.cod.currency).toBe("THB");
    const unknown = `NOPE${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
    const reference = `E2E-REM-${crypto.randomUUID().slice(0, 8)}`;
    const line = `${parcel.trackingNumber},${(parcel.cod.amount / 100).toFixed(2)},THB`;

    const context = await contextAs(newContext, await seededAdmin());
    const { page, errors } = await openPage(context);
    await page.goto("/ops");
    await page.getByRole("link", { name: "COD remittances" }).click();
    await page.getByLabel("Courier", { exact: true }).selectOption("sandbox");
    await page.getByLabel("The courier's reference of the remittance").fill(reference);

    // A line without an amount: the whole statement is refused, the line and column named.
    const paste = page.getByLabel("Or paste the CSV");
    await paste.fill(`tracking_number,amount,currency\n${line}\n${unknown},,THB\n`);
    await page.getByRole("button", { name: "Record remittance" }).click();
    const refused = page.getByTestId("ops-cod-refused");
    await expect.poll(() => refused.textContent()).toContain("line.3.amount");
    expect(await page.getByRole("alert").first().textContent()).toContain("nothing was recorded");

    // The corrected statement as the courier's file: it takes the place of the pasted text.
    await page.getByLabel("CSV file").setInputFiles({
      name: "statement.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`tracking_number,amount,currency\n${line}\n${unknown},150.00,THB\n`),
    });
    expect(await paste.isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Record remittance" }).click();
    const recorded = page.getByRole("status").filter({ hasText: `Remittance ${reference} recorded` });
    await expect.poll(() => recorded.count()).toBe(1);
    expect(await recorded.textContent()).toContain("2 lines");
    const listed = page.getByTestId("ops-remittance").filter({ hasText: reference });
    await expect.poll(() => listed.count()).toBe(1);
    // The period's report names the unknown tracking number with this statement's reference.
    const mismatch = page.getByTestId("ops-cod-mismatch").filter({ hasText: unknown });
    await expect.poll(() => mismatch.count()).toBe(1);
    expect(await mismatch.getAttribute("data-kind")).toBe("unknown");
    expect(await mismatch.textContent()).toContain(reference);

    // Each line of the statement against its order.
    await recorded.getByRole("link", { name: "See each line" }).click();
    await expect.poll(() => page.getByTestId("ops-cod-summary").textContent()).toBe("1 of 2 lines matched");
    const lines = page.getByTestId("ops-cod-line");
    expect(await lines.count()).toBe(2);
    const matched = lines.filter({ hasText: parcel.trackingNumber });
    expect(await matched.getAttribute("data-result")).toBe("matched");
    expect(await matched.textContent()).toContain(parcel.orderId);
    expect(await matched.getByTestId("ops-cod-result").textContent()).toBe("Matched");
    const stranger = lines.filter({ hasText: unknown });
    expect(await stranger.getByTestId("ops-cod-result").textContent()).toBe("Unknown tracking number");

    // A deep link survives a reload.
    await page.reload();
    await expect.poll(() => page.getByTestId("ops-cod-line").count()).toBe(2);
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });
});
