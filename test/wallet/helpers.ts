import { env, runDurableObjectAlarm } from "cloudflare:test";
import { expect } from "vitest";
import type { Currency } from "../../workers/platform/money";
import { transferIdOf, type WalletStub, walletStub } from "../../workers/wallet";

let seq = 0;

/** A user id no other test in the file uses (storage is shared by the tests of one file). */
export function freshUser(label = "w"): string {
  seq += 1;
  return `usr_${label}${seq}_${crypto.randomUUID().slice(0, 8)}`;
}

export const wallet = (userId: string): WalletStub => walletStub(env, userId);

/** Money in from outside (what a top-up will do), so a test wallet has something to send. */
export async function fund(userId: string, amount: number, currency: Currency = "THB"): Promise<void> {
  const r = await wallet(userId).credit({
    movementId: `wtp_${crypto.randomUUID()}`,
    currency,
    amount,
    type: "topup",
  });
  expect(r.ok).toBe(true);
}

export async function balanceOf(userId: string, currency: Currency = "THB") {
  const b = (await wallet(userId).balances()).find((x) => x.currency === currency);
  return b ?? { balance: 0, held: 0, available: 0 };
}

export const transferId = (userId: string, key: string) => transferIdOf(userId, key);

/** Runs the object's alarm now if one is set (what the runtime does when its time comes). */
export async function runAlarm(userId: string): Promise<boolean> {
  return runDurableObjectAlarm(wallet(userId));
}

/** Retries `check` until it passes or `ms` pass (for the D1 projection, which trails the object). */
export async function eventually(check: () => Promise<void>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
