import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import {
  appErrors,
  BANGKOK_ADDRESS,
  call,
  contextAs,
  orderAndPay,
  type Person,
  shopWithProduct,
  signIn,
} from "./people";

// Shipping as a new user meets it: a seller books the sandbox courier for a paid order and opens its
// label; the simulated courier moves the parcel to delivered; the buyer's order page shows each
// step. A cash-on-delivery order ships unpaid and is paid once delivered.

const base = inject("baseUrl");
const newContext = useBrowser(base);

/** A seller with one product, and a buyer's order of it; paid through the sandbox gateway unless `cod`. */
async function orderOf(cod: boolean) {
  const seller = await signIn("Sam Shipper");
  const { product } = await shopWithProduct(seller, "Parcel shop", {
    name: "Cotton tee",
    price: 29_900,
    stock: 5,
    weightGrams: 400,
  });
  const buyer = await signIn("Bee Buyer");
  const payment = cod
    ? ({ gateway: "cod", method: "cod" } as const)
    : ({ gateway: "sandbox", method: "qris" } as const);
  const { order } = await orderAndPay(buyer, product.id, 1, BANGKOK_ADDRESS, payment);
  return { seller, buyer, order };
}

/** The seller books the sandbox courier on the order page and opens the label PDF. */
async function bookAndPrint(seller: Person, orderId: string) {
  const context = await contextAs(newContext, seller);
  const { page, errors } = await openPage(context);
  await page.goto(`/orders/${orderId}`);
  // The form says what the buyer chose and paid for (Bangkok's cheapest card), and starts from it where it is bookable.
  await page.getByText("The buyer chose Flash Express · Standard.").waitFor();
  const offered = await page
    .getByLabel("Courier")
    .locator("option")
    .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
  if (offered.includes("flash/standard")) expect(await page.getByLabel("Courier").inputValue()).toBe("flash/standard");
  // The sandbox courier: Ninja Van is listed too, but there is no Ninja Van to reach from the test server.
  await page.getByLabel("Courier").selectOption("sandbox/standard");
  await page.getByRole("button", { name: "Book courier" }).click();
  await page.getByTestId("tracking-number").waitFor();
  const trackingNumber = (await page.getByTestId("tracking-number").innerText()).trim();
  const popup = page.waitForEvent("popup");
  await page.getByTestId("print-label").click();
  const tab = await popup;
  await expect.poll(() => tab.url()).toMatch(/^blob:/);
  expect(appErrors(errors)).toEqual([]);
  await context.close();
  return trackingNumber;
}

async function driveToDelivered(seller: Person, orderId: string) {
  const tracking = await call(`/api/v1/orders/${orderId}/tracking`, { token: seller.token });
  for (const status of ["picked_up", "in_transit", "out_for_delivery", "delivered"]) {
    await call(`/api/v1/shipments/${tracking.shipmentId}/simulate`, { token: seller.token, body: { status } });
  }
}

/** Every answer of 400 or above the page gets (the console's "Failed to load resource" too). */
function failedAnswers(page: Page): string[] {
  const failed: string[] = [];
  page.on("response", (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${new URL(res.url()).pathname}`);
  });
  return failed;
}

describe("web app: shipping and tracking", () => {
  it("a seller books the sandbox courier and prints the label; the buyer sees each tracking step", async () => {
    const { seller, buyer, order } = await orderOf(false);
    const trackingNumber = await bookAndPrint(seller, order.id);
    expect(trackingNumber).toMatch(/^SBX/);
    await driveToDelivered(seller, order.id);

    const context = await contextAs(newContext, buyer);
    const { page, errors } = await openPage(context);
    await page.goto(`/orders/${order.id}`);
    const steps = page.getByTestId("tracking-timeline").locator("li");
    await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(5);
    const texts = await steps.allInnerTexts();
    ["Booked", "Picked up", "In transit", "Out for delivery", "Delivered"].forEach((step, i) => {
      expect(texts[i]).toContain(step);
    });
    expect(await page.getByTestId("tracking-number").innerText()).toBe(trackingNumber);
    expect((await call(`/api/v1/orders/${order.id}`, { token: buyer.token })).status).toBe("delivered");
    expect(appErrors(errors)).toEqual([]);
  });

  it("a cash-on-delivery order ships unpaid and is paid once the courier delivers it", async () => {
    const { seller, buyer, order } = await orderOf(true);
    const before = await call(`/api/v1/orders/${order.id}`, { token: buyer.token });
    expect(before).toMatchObject({ status: "processing", paymentStatus: "pending" });
    await bookAndPrint(seller, order.id);
    expect((await call(`/api/v1/orders/${order.id}`, { token: buyer.token })).paymentStatus).toBe("pending");
    await driveToDelivered(seller, order.id);

    const context = await contextAs(newContext, buyer);
    const { page } = await openPage(context);
    await page.goto(`/orders/${order.id}`);
    const steps = page.getByTestId("tracking-timeline").locator("li");
    await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(5);
    expect(await steps.last().innerText()).toContain("Delivered");
    const after = await call(`/api/v1/orders/${order.id}`, { token: buyer.token });
    expect(after).toMatchObject({ status: "delivered", paymentStatus: "paid" });
  });
  it("asking for a pickup: a waiting pickup (another shop's Flash pickup is open) reads as waiting, not an error; then its window", async () => {
    const { seller, order } = await orderOf(false);
    await bookAndPrint(seller, order.id);
    const tracking = await call(`/api/v1/orders/${order.id}/tracking`, { token: seller.token });
    const shipment = await call(`/api/v1/shipments/${tracking.shipmentId}`, { token: seller.token });
    const context = await contextAs(newContext, seller);
    const { page, errors } = await openPage(context);
    // The test server reaches no Flash: its answer while another shop's pickup is open, as the route gives it.
    const now = new Date().toISOString();
    const waiting = { ...shipment, pickup: { status: "waiting", askedAt: now, readyAt: now } };
    await page.route("**/api/v1/shipments/*/pickup", (route) =>
      route.fulfill({ status: 202, contentType: "application/json", body: JSON.stringify(waiting) }),
    );
    await page.goto(`/orders/${order.id}`);
    await page.getByRole("button", { name: "Ask for pickup" }).click();
    await expect
      .poll(() => page.getByTestId("pickup-waiting").textContent())
      .toContain("Waiting for Flash to take the pickup");
    expect(await page.locator(".problem").count()).toBe(0);

    // Asked again (the sandbox courier confirms at once): its window.
    await page.unroute("**/api/v1/shipments/*/pickup");
    await page.getByRole("button", { name: "Ask for pickup" }).click();
    await expect.poll(() => page.getByTestId("pickup").textContent()).toContain("The courier comes between");
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });

  it("an order with no parcel yet asks for no tracking (no 404, no console error), for its buyer and its seller; booking shows it", async () => {
    const { seller, buyer, order } = await orderOf(false);
    const buyerContext = await contextAs(newContext, buyer);
    const asBuyer = await openPage(buyerContext);
    const buyerFailed = failedAnswers(asBuyer.page);
    await asBuyer.page.goto(`/orders/${order.id}`);
    await asBuyer.page.getByText("No courier is booked yet.").waitFor();
    await asBuyer.page.waitForLoadState("networkidle");
    expect(buyerFailed).toEqual([]);
    expect(asBuyer.errors).toEqual([]);
    await buyerContext.close();

    const sellerContext = await contextAs(newContext, seller);
    const { page, errors } = await openPage(sellerContext);
    const failed = failedAnswers(page);
    await page.goto(`/orders/${order.id}`);
    await page.getByRole("button", { name: "Book courier" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    // Booked from the form: the order comes back shipped with its tracking number, and the timeline follows.
    await page.getByLabel("Courier").selectOption("sandbox/standard");
    await page.getByRole("button", { name: "Book courier" }).click();
    const steps = page.getByTestId("tracking-timeline").locator("li");
    await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(1);
    expect(await steps.first().textContent()).toContain("Booked");
    expect(await page.getByTestId("tracking-number").textContent()).toMatch(/^SBX/);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await sellerContext.close();
  });

  it("the Thai page names each sandbox step in Thai, with no English sentence; a real courier's words are shown as given, ours in Thai", async () => {
    const { seller, buyer, order } = await orderOf(false);
    await call(`/api/v1/orders/${order.id}/shipments`, {
      token: seller.token,
      key: `book-${order.id}`,
      body: { courier: "sandbox", service: "standard" },
    });
    await driveToDelivered(seller, order.id);
    const context = await contextAs(newContext, buyer, "th-TH");
    const { page, errors } = await openPage(context);
    await page.goto(`/orders/${order.id}`);
    const steps = page.getByTestId("tracking-timeline").locator("li");
    await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(5);
    const texts = await steps.allInnerTexts();
    ["จองแล้ว", "รับพัสดุแล้ว", "ระหว่างขนส่ง", "กำลังนำส่ง", "ส่งถึงแล้ว"].forEach((step, i) => {
      expect(texts[i]).toContain(step);
    });
    // Not one English word: no "Booked with Sandbox Courier", no stock sentence under a Thai step.
    expect(texts.join("\n")).not.toMatch(/[A-Za-z]{2,}/);
    expect(errors).toEqual([]);

    // A Ninja Van parcel (the test server reaches none): its tracking as the API gives it, with the
    // words of a recorded Ninja Van webhook and its hub; our booking sentence stays unshown.
    const tracking = await call(`/api/v1/orders/${order.id}/tracking`, { token: buyer.token });
    const ninjaVan = {
      ...tracking,
      courier: "ninjavan",
      events: [
        { status: "booked", description: "Booked with Ninja Van (Standard).", at: tracking.events[0].at },
        {
          status: "in_transit",
          description: "Arrived at Transit Hub",
          location: "Bangkok Sorting Hub",
          at: tracking.events[2].at,
        },
        { status: "delivered", description: "Delivered, Received by Customer", at: tracking.events[4].at },
      ],
    };
    await page.route("**/api/v1/orders/*/tracking", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(ninjaVan) }),
    );
    await page.reload();
    await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(3);
    const shown = await steps.allInnerTexts();
    expect(shown[0]).toContain("จองแล้ว");
    expect(shown[0]).not.toContain("Booked with");
    expect(shown[1]).toContain("Arrived at Transit Hub · Bangkok Sorting Hub");
    expect(shown[2]).toContain("Delivered, Received by Customer");
    expect(errors).toEqual([]);

    // A Flash Express parcel: its steps are in our words, each with its detail, which the Thai page
    // shows in Thai in place of our English sentence. An event stored before details were kept
    // (none) reads as it always did.
    const flash = {
      ...tracking,
      courier: "flash",
      events: [
        { status: "booked", description: "Booked with Flash Express (Standard).", at: tracking.events[0].at },
        {
          status: "picked_up",
          description: "Picked up by Flash Express.",
          detail: "picked_up_by_courier",
          at: tracking.events[1].at,
        },
        {
          status: "in_transit",
          description: "Held at a Flash Express branch.",
          detail: "held",
          at: tracking.events[2].at,
        },
        {
          status: "out_for_delivery",
          description: "Delivery attempt failed; Flash Express will try again.",
          detail: "delivery_attempt_failed",
          at: tracking.events[3].at,
        },
        { status: "delivered", description: "Delivered to the recipient.", at: tracking.events[4].at },
      ],
    };
    await page.unroute("**/api/v1/orders/*/tracking");
    await page.route("**/api/v1/orders/*/tracking", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(flash) }),
    );
    await page.reload();
    await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(5);
    const flashSteps = await steps.allInnerTexts();
    expect(flashSteps[1]).toContain("ขนส่งรับพัสดุแล้ว");
    expect(flashSteps[2]).toContain("ระหว่างขนส่ง");
    expect(flashSteps[2]).toContain("พัสดุถูกพักไว้ที่สาขาของขนส่ง");
    expect(flashSteps[3]).toContain("นำส่งไม่สำเร็จ ขนส่งจะนำส่งอีกครั้ง");
    // No English sentence where there is a detail (nor our booking sentence).
    expect(flashSteps.slice(0, 4).join("\n")).not.toMatch(/[A-Za-z]{2,}/);
    expect(flashSteps[4]).toContain("ส่งถึงแล้ว");
    expect(flashSteps[4]).toContain("Delivered to the recipient.");
    expect(errors).toEqual([]);
    await context.close();
  });
});
