import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { disbursements } from "../../d1/schema/disbursements";
import type { Wallet } from "../../durable-objects/wallet";
import { database } from "../../workers/platform/db";
import type { WalletState } from "../../workers/wallet/object/state";
import { registerUser } from "../identity/helpers";
import { call, expectJson, type Money, post } from "../support/http";
import { eventually, fund, wallet } from "./helpers";

export interface Transaction {
  id: string;
  type: string;
  direction: string;
  amount: Money;
  status: string;
  reference?: string;
  note?: string;
  completedAt?: string;
}

export const thb = (amount: number): Money => ({ amount, currency: "THB" });

export const KBANK = { bankCode: "KBANK", accountNumber: "123-4-56789-0", accountName: "Somchai Jaidee" };

/** A signed-in user with `amount` satang in their THB wallet. */
export async function fundedUser(amount = 100_000) {
  const tokens = await registerUser();
  if (amount > 0) await fund(tokens.user.id, amount);
  return { token: tokens.accessToken, userId: tokens.user.id };
}

export function withdraw(token: string, body: unknown, key: string | null = crypto.randomUUID()) {
  return call("POST", "/api/v1/wallet/withdrawals", { token, body, ...(key ? { idempotencyKey: key } : {}) });
}

export const disbursementRow = (id: string) =>
  database(env).select().from(disbursements).where(eq(disbursements.id, id)).get();

/** The sandbox bank answers (through the signed-webhook path). */
export const simulate = (token: string, id: string, status: "succeeded" | "failed") =>
  post(`/api/v1/dev/disbursements/${id}/simulate`, { status }, token);

export async function transactionOf(token: string, id: string): Promise<Transaction> {
  return expectJson<Transaction>(await call("GET", `/api/v1/wallet/transactions/${id}`, { token }), 200);
}

/** Waits for the outcome event to reach the wallet (outbox → queue → consumer). */
export async function settledAs(token: string, id: string, status: "completed" | "failed"): Promise<void> {
  await eventually(async () => expect((await transactionOf(token, id)).status).toBe(status), 8000);
}

type Stub = ReturnType<typeof wallet>;

/** Runs `work` on the live object's state (one step of a withdrawal, without the rest). */
export function inside<T>(stub: Stub, work: (state: WalletState) => T): Promise<T> {
  return runInDurableObject(stub as unknown as DurableObjectStub<Wallet>, (instance: Wallet) =>
    work((instance as unknown as { state: WalletState }).state),
  );
}

/** The object dies: the next call or alarm runs in a fresh instance reading the same storage. */
export async function abort(stub: Stub): Promise<void> {
  await runInDurableObject(stub as unknown as DurableObjectStub<Wallet>, (_instance: Wallet, ctx) => {
    try {
      ctx.abort("crash test");
    } catch {
      // abort() throws in the aborted request itself; that is the crash.
    }
  }).catch(() => undefined);
}

/** The withdrawal's retry time has come; then the alarm runs. */
export async function alarmDue(stub: Stub, id: string): Promise<void> {
  await inside(stub, (state) => {
    state.sql.exec("UPDATE w_withdrawals SET next_attempt_at = ? WHERE id = ?", Date.now() - 1, id);
    void state.storage.setAlarm(Date.now());
  });
  await runDurableObjectAlarm(stub as unknown as DurableObjectStub<Wallet>);
}

/**
 * The money invariant of one wallet: its balance (holds included) is what came in from outside
 * less what left for banks, read from the ledger's system accounts.
 */
export async function ledgerTotals(userId: string) {
  return inside(wallet(userId), (state) => {
    const sum = (account: string) =>
      state.sql
        .exec<{ s: number }>(
          "SELECT COALESCE(SUM(amount), 0) AS s FROM w_postings WHERE account = ? AND currency = 'THB'",
          account,
        )
        .toArray()[0].s;
    return { topups: -sum("system:topups"), withdrawn: sum("system:withdrawals") };
  });
}
