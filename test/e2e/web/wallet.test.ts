import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { call, contextAs, type Person, signIn } from "./people";
import { credit } from "./wallet-helpers";

// The wallet pages against the e2e server: balances, sending money by phone number with a
// confirm step, the contract's refusals in the server's words, and both sides' history.

const base = inject("baseUrl");
const newContext = useBrowser(base);

/** Fills the send form (Thailand, the recipient's number, THB) and goes to the confirm step. */
async function fillSend(page: Page, phone: string, amount: string, note = "") {
  await page.getByLabel("Recipient's country").selectOption("TH");
  await page.getByLabel("Recipient's phone number").fill(phone);
  await page.getByLabel("Currency").selectOption("THB");
  await page.getByLabel("Amount", { exact: true }).fill(amount);
  if (note) await page.getByLabel("Note (optional)").fill(note);
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByTestId("send-confirm").waitFor();
}

/** Resolves once `person`'s THB history (the projection the history page reads) has `rows` rows. */
async function historyHas(person: Person, rows: number) {
  const count = async () => (await call("/api/v1/wallets/THB/transactions", { token: person.token })).items.length;
  await expect.poll(count, { timeout: 20_000, interval: 250 }).toBe(rows);
}

describe("wallet pages", () => {
  it("refuses in the server's words: an unknown recipient, a limit, short funds, each with what to do", async () => {
    const [ann, bob] = await Promise.all([signIn("Ann Empty"), signIn("Bob Receiver")]);
    const context = await contextAs(newContext, ann);
    const { page, errors } = await openPage(context);
    await page.goto("/wallet");
    await expect.poll(() => page.getByText("Your wallet is empty").count()).toBe(1);
    await page.getByRole("navigation", { name: "Wallet actions" }).getByRole("link", { name: "Send money" }).click();
    await page.waitForURL("**/wallet/send**");

    await fillSend(page, "089 999 0000", "50");
    expect(await page.getByTestId("confirm-amount").textContent()).toMatch(/^THB\s50\.00$/);
    await page.getByRole("button", { name: /^Send THB\s50\.00$/ }).click();
    const phoneError = page.locator("#send-phone-error");
    await phoneError.waitFor();
    expect((await phoneError.textContent())?.length).toBeGreaterThan(10);
    expect(await page.getByTestId("send-fix").textContent()).toContain("Check the country and number");
    expect(await page.getByLabel("Recipient's phone number").getAttribute("aria-invalid")).toBe("true");

    // Over the basic per-transfer limit (THB 5,000): refused before funds are even looked at.
    await page.getByLabel("Recipient's phone number").fill(bob.localPhone);
    await page.getByLabel("Amount", { exact: true }).fill("6,000");
    await page.getByRole("button", { name: "Review" }).click();
    await page.getByRole("button", { name: /^Send THB\s6,000\.00$/ }).click();
    await page.locator("#amount-error").waitFor();
    expect(await page.getByTestId("send-fix").textContent()).toContain("Send a smaller amount");

    await page.getByLabel("Amount", { exact: true }).fill("50");
    await page.getByRole("button", { name: "Review" }).click();
    await page.getByRole("button", { name: /^Send THB\s50\.00$/ }).click();
    await page.getByText("Top up your wallet").waitFor();
    expect(await page.getByTestId("send-fix").textContent()).toContain("Top up your wallet");
    expect(await page.getByTestId("send-fix").getByRole("link", { name: "Top up" }).getAttribute("href")).toBe(
      "/wallet/topup?currency=THB",
    );
    // Nothing moved: the recipient's wallet is still empty.
    expect((await call("/api/v1/wallets", { token: bob.token })).items).toEqual([]);
    // The browser logs the three refusals (404 recipient_not_found, 422 limit_exceeded, 409
    // insufficient_funds) it was asked to show.
    const refusals = /the server responded with a status of (404|409|422) /;
    expect(errors.filter((e) => refusals.test(e))).toHaveLength(3);
    expect(errors.filter((e) => !refusals.test(e))).toEqual([]);
    await context.close();
  });

  it("checks the amount before asking the server", async () => {
    const ann = await signIn("Ann Typo");
    const context = await contextAs(newContext, ann, "th-TH");
    const { page, errors } = await openPage(context);
    await page.goto("/wallet/send?currency=THB");
    await page.locator("#amount-value").fill("12.3456");
    await page.locator("form[data-testid=send-form] button[type=submit]").click();
    expect(await page.locator("#amount-error").textContent()).toContain("ทศนิยมไม่เกิน 2 ตำแหน่ง");
    expect(await page.locator("html").getAttribute("lang")).toBe("th");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("one person, credited in setup, sends to the other by phone; the other sees the balance and the history", async () => {
    const [ann, bob] = await Promise.all([signIn("Ann Sender"), signIn("Bob Receiver")]);
    await credit(ann, { amount: 100_000, currency: "THB" });
    const annContext = await contextAs(newContext, ann);
    const { page, errors } = await openPage(annContext);
    await page.goto("/wallet");
    const card = page.locator('[data-testid=wallet-card][data-currency="THB"]');
    await card.waitFor();
    expect(await card.getByTestId("wallet-balance").textContent()).toMatch(/^THB\s1,000\.00$/);
    await card.getByRole("link", { name: "Send money" }).click();
    await page.waitForURL("**/wallet/send?currency=THB");
    await fillSend(page, bob.localPhone, "250.50", "Dinner at Jay Fai");
    expect(await page.getByTestId("confirm-to").textContent()).toMatch(/^\+66 8/);
    expect(await page.getByTestId("send-confirm").textContent()).toMatch(/THB\s749\.50/);
    await page.getByRole("button", { name: /^Send THB\s250\.50$/ }).click();
    expect(await page.getByTestId("send-result").textContent()).toMatch(/^Sent THB\s250\.50 to \+66 8/);

    // The history reads the server's projection, a moment behind: wait for it through the API (a
    // page reload per look would also take a realtime ticket each time, and those are limited).
    await historyHas(ann, 2);
    await page.goto("/wallet/history/THB");
    await expect.poll(() => page.getByTestId("tx-row").count()).toBe(2);
    const sent = page.getByTestId("tx-row").first();
    expect(await sent.textContent()).toContain("To Bob Receiver");
    expect(await sent.getByTestId("tx-amount").textContent()).toMatch(/^−THB\s250\.50$/);
    expect(errors).toEqual([]);
    await annContext.close();

    const bobContext = await contextAs(newContext, bob, "th-TH");
    const other = await openPage(bobContext);
    await other.page.goto("/wallet");
    const bobCard = other.page.locator('[data-testid=wallet-card][data-currency="THB"]');
    await bobCard.waitFor();
    expect(await bobCard.getByTestId("wallet-balance").textContent()).toBe("฿250.50");
    await historyHas(bob, 1);
    await bobCard.getByRole("link", { name: "ประวัติ" }).click();
    await expect.poll(() => other.page.getByTestId("tx-row").count()).toBe(1);
    const received = other.page.getByTestId("tx-row").first();
    expect(await received.textContent()).toContain("จาก Ann Sender");
    expect(await received.textContent()).toContain("Dinner at Jay Fai");
    await received.locator("a").click();
    await other.page.getByTestId("tx-details").waitFor();
    // A deep link to the transaction survives a reload.
    await other.page.reload();
    expect(await other.page.getByTestId("tx-type").textContent()).toBe("ได้รับเงิน");
    expect(await other.page.getByTestId("tx-note").textContent()).toBe("Dinner at Jay Fai");
    // The receipt needs the bearer token: the page fetches it and opens it in a new tab.
    const [receipt] = await Promise.all([
      bobContext.waitForEvent("page"),
      other.page.getByTestId("tx-receipt").click(),
    ]);
    await receipt.waitForLoadState();
    expect(receipt.url()).toMatch(/^blob:/);
    expect(await receipt.locator("body").textContent()).toContain("Dinner at Jay Fai");
    expect(other.errors).toEqual([]);
    await bobContext.close();
  });
});
