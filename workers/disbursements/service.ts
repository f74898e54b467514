import { and, eq, inArray, type SQL } from "drizzle-orm";
import { disbursements } from "../../d1/schema/disbursements";
import { readConfig } from "../platform/config";
import { type Database, database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import type { Currency, Money } from "../platform/money";
import { createEvent, recordEventIf } from "../platform/outbox";
import { decryptPii } from "../platform/pii";
import { ProviderError } from "../platform/provider-http";
import { PAYOUT_COUNTRIES } from "./banks";
import {
  type DisbursementProviderName,
  type DisbursementState,
  disbursementProviderNamed,
  providerNameFor,
} from "./providers";

export type DisbursementRow = typeof disbursements.$inferSelect;
export type DisbursementStatus = DisbursementRow["status"];

/** What a domain asks to send; the account fields arrive encrypted (workers/platform/pii.ts). */
export interface DisbursementRequest {
  /** The caller's id for it (a withdrawal id): the row's key and the provider's idempotency key. */
  id: string;
  purpose: DisbursementRow["purpose"];
  ownerId: string;
  amount: Money;
  bankCode: string;
  accountNumberEnc: string;
  accountNameEnc: string;
  accountLast4: string;
}

/** What the bank statement says (providers show it to the account holder). */
const DESCRIPTIONS: Record<DisbursementRow["purpose"], string> = {
  withdrawal: "Tchat wallet withdrawal",
  payout: "Tchat seller payout",
};

export interface DisbursementView {
  id: string;
  status: DisbursementStatus;
  provider: string;
  failureCode: string | null;
}

const view = (r: DisbursementRow): DisbursementView => ({
  id: r.id,
  status: r.status,
  provider: r.provider,
  failureCode: r.failureCode,
});

export async function disbursementById(db: Database, id: string): Promise<DisbursementRow | undefined> {
  return db.select().from(disbursements).where(eq(disbursements.id, id)).get();
}

/** Where a disbursement stands in D1 (the owner's fallback when an outcome event is late). */
export async function disbursementStatusOf(env: Env, id: string): Promise<DisbursementView | undefined> {
  const row = await disbursementById(database(env), id);
  return row && view(row);
}

/**
 * Sends a disbursement, once. The row is recorded first (its id is the caller's, so a repeat finds
 * it); a row still `pending` (new, or its provider's answer was lost) is sent with the id as the
 * provider's idempotency key, so asking again never pays twice. A provider that refuses for good
 * fails it (the owner is told by event); one that could not be reached throws a ProviderError,
 * and the caller asks again later.
 */
export async function requestDisbursement(
  env: Env,
  request: DisbursementRequest,
  fetchFn?: typeof fetch,
): Promise<DisbursementView> {
  const db = database(env);
  const row = (await disbursementById(db, request.id)) ?? (await record(env, request));
  if (!row) throw new Error(`Disbursement ${request.id} vanished`);
  return row.status === "pending" ? view(await sendPending(env, row, fetchFn)) : view(row);
}

/** The disbursement's row, written once (a concurrent writer of the same id wins the same row). */
async function record(env: Env, request: DisbursementRequest): Promise<DisbursementRow | undefined> {
  const db = database(env);
  const provider = providerNameFor(env, request.amount.currency);
  const country = PAYOUT_COUNTRIES[request.amount.currency]?.country;
  if (!provider || !country) throw new Error(`No disbursement provider pays out ${request.amount.currency}`);
  const now = nowMs();
  await db
    .insert(disbursements)
    .values({
      id: request.id,
      purpose: request.purpose,
      ownerId: request.ownerId,
      provider,
      country,
      currency: request.amount.currency,
      amount: request.amount.amount,
      bankCode: request.bankCode,
      accountNumberEnc: request.accountNumberEnc,
      accountNameEnc: request.accountNameEnc,
      accountLast4: request.accountLast4,
      status: "pending",
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  return disbursementById(db, request.id);
}

async function sendPending(env: Env, row: DisbursementRow, fetchFn?: typeof fetch): Promise<DisbursementRow> {
  const provider = disbursementProviderNamed(env, row.provider as DisbursementProviderName, fetchFn);
  const bank = PAYOUT_COUNTRIES[row.currency as Currency]?.banks.find((b) => b.code === row.bankCode);
  if (!provider || !bank) {
    await applyOutcome(env, row.id, { providerRef: "", outcome: "failed", failureCode: "provider_unavailable" });
    return (await disbursementById(database(env), row.id)) ?? row;
  }
  let state: DisbursementState;
  try {
    state = await provider.create({
      id: row.id,
      amount: { amount: row.amount, currency: row.currency as Currency },
      channel: bank.channel,
      accountNumber: await decryptPii(env, row.accountNumberEnc),
      accountName: await decryptPii(env, row.accountNameEnc),
      description: DESCRIPTIONS[row.purpose],
    });
  } catch (err) {
    if (!(err instanceof ProviderError) || err.retryable) throw err;
    // Refused for good (a rejected account, bad credentials): it fails, and the money goes back.
    logEvent("warn", "disbursement_refused", { id: row.id, provider: row.provider, error: err.message });
    state = { providerRef: "", outcome: "failed", failureCode: String(err.providerCode ?? "refused") };
  }
  if (state.outcome === "pending") await markRequested(env, row.id, state.providerRef);
  else await applyOutcome(env, row.id, state);
  return (await disbursementById(database(env), row.id)) ?? row;
}

async function markRequested(env: Env, id: string, providerRef: string): Promise<void> {
  const now = nowMs();
  await database(env)
    .update(disbursements)
    .set({
      status: "requested",
      providerRef,
      updatedAt: now,
      nextCheckAt: now + readConfig(env).disbursements.statusCheckMs,
    })
    .where(and(eq(disbursements.id, id), eq(disbursements.status, "pending")));
}

const OPEN: DisbursementStatus[] = ["pending", "requested"];

/**
 * Moves a disbursement to its final status once, with the disbursement.settled event in the same
 * D1 batch (the event exists exactly when this call made the move). A late or repeated outcome
 * finds it final and changes nothing: false.
 */
export async function applyOutcome(env: Env, id: string, state: DisbursementState): Promise<boolean> {
  if (state.outcome === "pending") return false;
  const db = database(env);
  const row = await disbursementById(db, id);
  if (!row || !OPEN.includes(row.status)) return false;
  const now = nowMs();
  const status = state.outcome;
  const event = createEvent(
    "disbursement.settled",
    {
      disbursementId: id,
      purpose: row.purpose,
      ownerId: row.ownerId,
      outcome: status,
      currency: row.currency as Currency,
      amount: row.amount,
      ...(state.failureCode ? { failureCode: state.failureCode.slice(0, 100) } : {}),
    },
    { actor: { type: "gateway", id: row.provider }, subject: { type: "disbursement", id } },
  );
  // The move is recognised by its completion time: only the call that made it records the event.
  const moved: SQL = and(
    eq(disbursements.id, id),
    eq(disbursements.status, status),
    eq(disbursements.completedAt, now),
  )!;
  const [update] = await db.batch([
    db
      .update(disbursements)
      .set({
        status,
        providerRef: state.providerRef || row.providerRef,
        failureCode: status === "failed" ? (state.failureCode ?? "failed").slice(0, 100) : null,
        nextCheckAt: null,
        updatedAt: now,
        completedAt: now,
      })
      .where(and(eq(disbursements.id, id), inArray(disbursements.status, OPEN)))
      .returning({ id: disbursements.id }),
    recordEventIf(db, "order_events", event, disbursements, moved),
  ]);
  return update.length > 0;
}
