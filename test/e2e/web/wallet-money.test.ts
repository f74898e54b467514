import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { contextAs, signIn, signInByPhone, thaiMobile } from "./people";
import { availableOf, credit } from "./wallet-helpers";

// The wallet's money in and out through its pages, against the e2e server: a top-up through the
// sandbox gateway (the checkout's payment components, simulate included), a conversion on a live
// FX quote, a withdrawal to a bank through the sandbox disbursement.

const base = inject("baseUrl");
const newContext = useBrowser(base);

describe("wallet money pages", () => {
  it("tops up: amount, a method the server lists, the payment's next action, simulate, credited", async () => {
    // Signed in the way a person does it: by phone, with the code the SMS brought.
    const context = await newContext();
    const { page, errors } = await openPage(context);
    await page.goto("/signin");
    await signInByPhone(page, base, thaiMobile());
    await page.waitForURL(/\/account$/);
    await page.goto("/wallet");
    await page.getByRole("navigation", { name: "Wallet actions" }).getByRole("link", { name: "Top up" }).click();
    await page.waitForURL("**/wallet/topup**");
    await page.getByLabel("Currency").selectOption("THB");
    await page.getByLabel("Amount", { exact: true }).fill("300");
    await page.getByLabel(/PromptPay \(test payment, no real money\)/).check();
    await page.getByRole("button", { name: "Top up now" }).click();
    await page.getByTestId("next-action").waitFor();
    expect(page.url()).toContain("payment=");
    // The address holds the payment: a reload resumes it.
    await page.reload();
    await page.getByTestId("qr").waitFor();
    await page.getByRole("button", { name: "Simulate success" }).click();
    await page.getByText("Done: the money is in your wallet.").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("topup-result").getByTestId("tx-amount").textContent()).toMatch(/^\+THB\s300\.00$/);
    await page.goto("/wallet");
    expect(
      await page.locator('[data-testid=wallet-card][data-currency="THB"]').getByTestId("wallet-balance").textContent(),
    ).toMatch(/^THB\s300\.00$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("converts on a live quote: rate, market rate, spread, fee, a countdown, a new quote when it expires", async () => {
    const dan = await signIn("Dan Convert");
    await credit(dan, { amount: 100_000, currency: "THB" });
    const context = await contextAs(newContext, dan);
    const { page, errors } = await openPage(context);
    let quotes = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/api/v1/fx/quotes")) quotes++;
    });
    await page.clock.install();
    await page.goto("/wallet/convert?currency=THB");
    await page.getByLabel("You convert").fill("100");
    await page.getByLabel("Into").selectOption("SGD");
    await page.getByRole("button", { name: "See the rate" }).click();
    await page.getByTestId("fx-quote").waitFor();
    expect(await page.getByTestId("quote-from").textContent()).toMatch(/^THB\s100\.00$/);
    expect(await page.getByTestId("quote-rate").textContent()).toMatch(/^1 THB = 0\.0\d+ SGD$/);
    expect(await page.getByTestId("quote-mid").textContent()).toMatch(/^1 THB = 0\.0\d+ SGD$/);
    expect(await page.getByTestId("quote-spread").textContent()).toMatch(/%$/);
    expect(await page.getByTestId("quote-countdown").textContent()).toMatch(/held for \d+ s/);
    expect(quotes).toBe(1);

    // Past expiresAt the page asks for a new quote by itself, a few times, then offers a button.
    await page.clock.fastForward(61_000);
    await page.getByRole("button", { name: "Get a new rate" }).waitFor();
    // The button shows as the third renewal is asked for; its request event reaches the test a moment later.
    await expect.poll(() => quotes, { timeout: 10_000 }).toBe(4);
    expect(await page.getByTestId("quote-countdown").textContent()).toContain("expired");
    await page.clock.setSystemTime(Date.now());
    await page.getByRole("button", { name: "Get a new rate" }).click();
    // A new quote is a server round trip: longer than expect.poll's 1 s default on a busy machine.
    await expect
      .poll(() => page.getByTestId("quote-countdown").textContent(), { timeout: 10_000 })
      .toMatch(/held for \d+ s/);
    await page.getByRole("button", { name: /^Convert THB\s100\.00$/ }).click();
    await page.getByTestId("convert-result").waitFor();
    expect(await page.getByTestId("convert-result").textContent()).toMatch(
      /^Converted: THB\s100\.00 out, (SGD\s|S?\$)\d/,
    );
    expect(await availableOf(dan, "THB")).toBe(90_000);
    expect(await availableOf(dan, "SGD")).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("withdraws to a bank: held until the sandbox bank confirms", async () => {
    const eve = await signIn("Eve Withdraw");
    await credit(eve, { amount: 100_000, currency: "THB" });
    const context = await contextAs(newContext, eve);
    const { page, errors } = await openPage(context);
    await page.goto("/wallet/withdraw?currency=THB");
    await page.getByLabel("Amount", { exact: true }).fill("200");
    await page.getByLabel("Bank", { exact: true }).fill("kbank");
    await page.getByLabel("Account number").fill("123-4-56789-0");
    await page.getByLabel("Account holder's name").fill("Eve Withdraw");
    await page.getByRole("button", { name: "Review" }).click();
    expect(await page.getByTestId("withdraw-to").textContent()).toContain("KBANK 123-4-56789-0");
    await page.getByRole("button", { name: /^Withdraw THB\s200\.00$/ }).click();
    await page.getByTestId("withdrawal").waitFor();
    expect(await page.getByTestId("withdrawal-status").textContent()).toContain("held in your wallet");
    expect(page.url()).toContain("tx=");
    expect(await availableOf(eve, "THB")).toBe(80_000);
    await page.getByRole("button", { name: "Bank confirms" }).click();
    await page.getByText(/reached your bank account/).waitFor({ timeout: 20_000 });
    expect(await availableOf(eve, "THB")).toBe(80_000);
    expect(errors).toEqual([]);
    await context.close();
  });
});
