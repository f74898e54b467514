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

// Returns as the buyer and the seller meet them in the web app: the buyer asks for a return with a
// photo from the order page; the seller sees it with the photo (private: fetched with the seller's
// token), approves it and marks it received; the buyer then sees it refunded.

const base = inject("baseUrl");
const newContext = useBrowser(base);

/** A real 1×1 PNG, so the page can decode and show it. */
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** A seller's product bought twice by a buyer (sandbox gateway) and delivered by the seller. */
async function deliveredOrder() {
  const seller = await signIn("Sam Returns");
  const { shop, product } = await shopWithProduct(seller, "Return shop", {
    name: "Canvas tote",
    price: 45_000,
    stock: 5,
  });
  const buyer = await signIn("Bee Returner");
  const { order } = await orderAndPay(buyer, product.id, 2, BANGKOK_ADDRESS);
  for (const status of ["processing", "shipped", "delivered"]) {
    await call(`/api/v1/orders/${order.id}/status`, {
      method: "PATCH",
      token: seller.token,
      body: { status, ...(status === "shipped" ? { trackingNumber: "KER9876543210", courier: "Kerry Express" } : {}) },
    });
  }
  return { seller, buyer, shopId: shop.id as string, order };
}

/** The return photo on the page, decoded from the bytes the server gave this reader. */
async function photoShown(page: Page): Promise<number> {
  const img = page.getByRole("img", { name: "Photo 1 of the return" });
  await img.waitFor();
  await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
  return img.count();
}

async function pageAs(person: Person) {
  return openPage(await contextAs(newContext, person));
}

describe("web app: returns", () => {
  it("the buyer asks with a photo; the seller sees the photo, approves, receives; the buyer sees it refunded", async () => {
    const { seller, buyer, shopId, order } = await deliveredOrder();

    const asBuyer = await pageAs(buyer);
    await asBuyer.page.goto(`/orders/${order.id}`);
    await asBuyer.page.getByRole("button", { name: "Return items" }).click();
    await asBuyer.page.getByLabel("Quantity of Canvas tote").fill("1");
    await asBuyer.page.getByLabel("Why are you returning them?").fill("The strap is torn");
    await asBuyer.page
      .getByLabel("Photos (optional)")
      .setInputFiles({ name: "torn-strap.png", mimeType: "image/png", buffer: PHOTO });
    await asBuyer.page.getByRole("button", { name: "Ask for a return" }).click();
    const buyerReturn = asBuyer.page.getByTestId("return");
    await buyerReturn.waitFor();
    expect(await buyerReturn.getByTestId("return-status").textContent()).toBe("Requested");
    expect(await buyerReturn.textContent()).toContain("1 × Canvas tote");
    expect(await photoShown(asBuyer.page)).toBe(1);

    const asSeller = await pageAs(seller);
    await asSeller.page.goto(`/seller/${shopId}/returns`);
    await asSeller.page.getByText("The strap is torn").waitFor();
    expect(await photoShown(asSeller.page)).toBe(1);
    await asSeller.page.getByLabel("Note for the buyer (optional)").fill("Please send it back");
    await asSeller.page.getByRole("button", { name: "Approve" }).click();
    await asSeller.page.getByRole("button", { name: "Mark received" }).click();
    await expect
      .poll(
        async () => {
          await asSeller.page.reload();
          return asSeller.page.getByTestId("return-status").textContent();
        },
        { timeout: 20_000 },
      )
      .toBe("Refunded");

    await asBuyer.page.reload();
    await expect
      .poll(() => asBuyer.page.getByTestId("return-status").textContent(), { timeout: 20_000 })
      .toBe("Refunded");
    expect(await asBuyer.page.getByTestId("return").textContent()).toContain("Shop's note: Please send it back");
    expect(appErrors(asBuyer.errors)).toEqual([]);
    expect(appErrors(asSeller.errors)).toEqual([]);
  });
});
