import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs, signIn } from "./people";

// Issue 16: a seller creates a voucher in the browser at /seller/:shopId/vouchers, sees the server's
// words under the field it refused, then finds the voucher listed, deactivates it, and the API agrees.

const base = inject("baseUrl");
const newContext = useBrowser(base);

describe("seller vouchers page", () => {
  it("creates a voucher, shows a refusal under its field, and deactivates it", async () => {
    const owner = await signIn("Somchai Seller");
    const shop = await call("/api/v1/shops", {
      token: owner.token,
      body: {
        name: `Somchai ${crypto.randomUUID().slice(0, 6)}`,
        category: "electronics",
        country: "TH",
        currency: "THB",
      },
    });
    const context = await contextAs(newContext, owner);
    const { page, errors } = await openPage(context);
    await page.goto(`/seller/${shop.id}/vouchers`);
    await page.getByText("No vouchers yet.").waitFor();

    // 150% is refused by the server, in its words, under the field.
    const code = `SONGKRAN${crypto.randomUUID().slice(0, 6).toUpperCase()}`;
    await page.getByLabel("Code").fill(code.toLowerCase());
    await page.getByLabel("Discount (%)").fill("150");
    await page.getByRole("button", { name: "Create voucher" }).click();
    const valueError = page.locator("#voucher-value-error");
    await valueError.waitFor();
    expect(await valueError.textContent()).toContain("1 to 100");
    expect(await page.getByLabel("Discount (%)").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Discount (%)").fill("15");
    await page.getByLabel("Minimum spend (THB, optional)").fill("200");
    await page.getByLabel("Largest discount (THB, optional)").fill("50.50");
    await page.getByLabel("Total uses (optional)").fill("100");
    await page.getByRole("button", { name: "Create voucher" }).click();
    await page.getByText(`Voucher ${code} created.`).waitFor();
    const row = page.getByTestId("voucher-row").filter({ hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toContain("15% off");
    expect(await row.textContent()).toContain("Used 0 of 100");

    const listed = await call(`/api/v1/shops/${shop.id}/vouchers`, { token: owner.token });
    expect(listed.items).toEqual([
      expect.objectContaining({
        code,
        type: "percent",
        value: 15,
        minSpend: { amount: 20_000, currency: "THB" },
        maxDiscount: { amount: 5_050, currency: "THB" },
        totalLimit: 100,
        active: true,
      }),
    ]);

    await row.getByRole("button", { name: `Deactivate voucher ${code}` }).click();
    await row.getByText("Deactivated").waitFor();
    const after = await call(`/api/v1/shops/${shop.id}/vouchers`, { token: owner.token });
    expect(after.items[0].active).toBe(false);
    expect(appErrors(errors)).toEqual([]);
  });
});
