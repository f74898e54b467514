import { expect } from "vitest";
import { call, type Person } from "./people";

// Money for the wallet's browser tests, through the public API only (people come from ./people).

/**
 * Money into `person`'s wallet the only way money enters (CONTRACT.md): a top-up through the sandbox
 * gateway, paid by its simulate (the same path as a real webhook); resolves once it is available.
 */
export async function credit(person: Person, amount: { amount: number; currency: string }) {
  const before = await availableOf(person, amount.currency);
  const topup = await call("/api/v1/wallet/topups", {
    token: person.token,
    key: crypto.randomUUID(),
    body: { amount, gateway: "sandbox", method: amount.currency === "THB" ? "promptpay" : "qris" },
  });
  await call(`/api/v1/payments/${topup.payment.id}/simulate`, { token: person.token, body: { outcome: "success" } });
  await expect.poll(() => availableOf(person, amount.currency), { timeout: 20_000 }).toBe(before + amount.amount);
}

export async function availableOf(person: Person, currency: string): Promise<number> {
  const wallets = (await call("/api/v1/wallets", { token: person.token })).items as {
    currency: string;
    available: { amount: number };
  }[];
  return wallets.find((w) => w.currency === currency)?.available.amount ?? 0;
}
