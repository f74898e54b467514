import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs, signIn } from "./people";
import { availableOf, credit } from "./wallet-helpers";

// Money sent from a direct dialog: the sender's amount and confirm step, the wallet transfer, and
// the `transfer` message the receiver sees arrive live as a card, with the money in their wallet.

const base = inject("baseUrl");
const newContext = useBrowser(base);

describe("web app: send money in a chat", () => {
  it("sends money from a direct dialog after a confirm step; the receiver sees the card live", async () => {
    const [ann, bob] = await Promise.all([signIn("Ann Chat Payer"), signIn("Bob Chat Payee")]);
    await credit(ann, { amount: 50_000, currency: "THB" });
    const dialog = await call("/api/v1/dialogs", {
      token: ann.token,
      body: { type: "direct", participantIds: [bob.id] },
    });

    const bobContext = await contextAs(newContext, bob);
    const receiver = await openPage(bobContext);
    await receiver.page.goto(`/chat/${dialog.id}`);
    await receiver.page.locator('[data-connection="open"]').waitFor();

    const annContext = await contextAs(newContext, ann);
    const { page, errors } = await openPage(annContext);
    await page.goto(`/chat/${dialog.id}`);
    await page.locator('[data-connection="open"]').waitFor();
    await page.getByRole("button", { name: "Send money" }).click();
    await page.getByText("Send money to Bob Chat Payee").waitFor();
    await page.getByLabel("Currency").selectOption("THB");
    await page.getByLabel("Amount", { exact: true }).fill("120.25");
    await page.getByLabel("Note (optional)").fill("Som tam and mango");
    await page.getByRole("button", { name: "Review" }).click();
    const confirm = page.getByTestId("chat-money-confirm");
    expect(await confirm.textContent()).toMatch(/Send THB\s120\.25 to Bob Chat Payee\?/);
    // Nothing has moved before the confirm.
    expect(await availableOf(bob, "THB")).toBe(0);
    await confirm.getByRole("button", { name: /^Send THB\s120\.25$/ }).click();

    const mine = page.getByTestId("transfer-card");
    await mine.waitFor({ timeout: 20_000 });
    expect(await mine.textContent()).toContain("Som tam and mango");

    // The receiver's open room shows the card without a reload.
    const card = receiver.page.getByTestId("transfer-card");
    await card.waitFor({ timeout: 20_000 });
    expect(await card.textContent()).toMatch(/THB\s120\.25/);
    expect(await card.textContent()).toContain("Som tam and mango");
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 20_000 }).toBe("completed");
    expect(await availableOf(bob, "THB")).toBe(12_025);
    expect(await availableOf(ann, "THB")).toBe(50_000 - 12_025);
    expect(errors).toEqual([]);
    expect(receiver.errors).toEqual([]);

    // More than the receiver holds: the server's refusal is shown at the confirm step; nothing moves.
    await receiver.page.getByRole("button", { name: "Send money" }).click();
    await receiver.page.getByLabel("Amount", { exact: true }).fill("500");
    await receiver.page.getByRole("button", { name: "Review" }).click();
    await receiver.page.getByRole("button", { name: /^Send THB\s500\.00$/ }).click();
    const refusal = receiver.page.getByTestId("chat-money-confirm").getByRole("alert");
    await refusal.waitFor();
    expect((await refusal.textContent())?.length).toBeGreaterThan(10);
    expect(await availableOf(bob, "THB")).toBe(12_025);
    expect(appErrors(receiver.errors)).toEqual([]);
    await annContext.close();
    await bobContext.close();
  });
});
