import type { Currency } from "../../platform/money";
import { account, applyMovement } from "./ledger";
import { receiveLimitRefusal } from "./limits";
import { deliverOutbox } from "./projection";
import { atomically, ensureAlarm, readMeta, type WalletState } from "./state";
import { openTransaction, readTransaction } from "./transactions";
import type { LimitRefusal, TransactionView } from "./types";

/*
 * FX conversions inside one wallet: both legs in ONE synchronous transaction, applied once by the
 * conversion id (derived from the user and their Idempotency-Key), a quote used by one conversion
 * only. Double entry per currency:
 *   source: available −from; system:fx +(from − fee); system:fees +fee  (conversion_out, conversion_fee)
 *   target: system:fx −to; available +to                                (conversion_in)
 * The rounding the quote kept (to is rounded down) stays in the platform's FX accounts.
 */

/** A priced quote as the conversion route read it (docs/fx.md); amounts in minor units. */
export interface ConvertInput {
  conversionId: string;
  quoteId: string;
  from: { currency: Currency; amount: number };
  /** Part of from.amount. */
  fee: number;
  to: { currency: Currency; amount: number };
  expiresAt: number;
}

export type ConvertRefusal =
  | { ok: false; reason: "quote_expired" }
  /** Another conversion (another Idempotency-Key) already used this quote. */
  | { ok: false; reason: "quote_used" }
  /** This conversion id (the caller's key) already converted another quote. */
  | { ok: false; reason: "key_reused" }
  | { ok: false; reason: "restricted" }
  | { ok: false; reason: "insufficient_funds"; currency: Currency; available: number }
  | LimitRefusal;

export type ConvertResult = { ok: true; debit: TransactionView; credit: TransactionView } | ConvertRefusal;

/** The two transactions' ids, derived from the conversion id (so a retry finds them). */
export function conversionTransactionIds(conversionId: string): { debit: string; credit: string } {
  const base = conversionId.replace(/^cnv_/, "");
  return { debit: `wco_${base}`, credit: `wci_${base}` };
}

function done(state: WalletState, conversionId: string): ConvertResult {
  const ids = conversionTransactionIds(conversionId);
  const debit = readTransaction(state, ids.debit);
  const credit = readTransaction(state, ids.credit);
  if (!debit || !credit) throw new Error(`Conversion ${conversionId} is missing a leg`);
  return { ok: true, debit, credit };
}

/** The refusal of a conversion, if any, in the order the caller can act on it. */
function refusalOf(state: WalletState, input: ConvertInput, now: number): ConvertRefusal | null {
  const used = state.sql
    .exec<{ id: string }>(
      "SELECT id FROM w_transactions WHERE type = 'conversion_out' AND reference = ? LIMIT 1",
      input.quoteId,
    )
    .toArray()[0];
  if (used) return { ok: false, reason: "quote_used" };
  if (now > input.expiresAt) return { ok: false, reason: "quote_expired" };
  if (readMeta(state).restricted) return { ok: false, reason: "restricted" };
  const { balance, held } = account(state, input.from.currency);
  if (balance - held < input.from.amount) {
    return { ok: false, reason: "insufficient_funds", currency: input.from.currency, available: balance - held };
  }
  return receiveLimitRefusal(state, input.to.currency, input.to.amount);
}

/** Converts once by `conversionId`, or answers why not (nothing moves on a refusal). */
export function convert(state: WalletState, input: ConvertInput): ConvertResult {
  const { from, to, fee } = input;
  if (from.currency === to.currency || fee < 0 || fee >= from.amount || to.amount <= 0) {
    throw new Error(`Conversion ${input.conversionId}: not a priced quote`);
  }
  const ids = conversionTransactionIds(input.conversionId);
  const existing = readTransaction(state, ids.debit);
  if (existing)
    return existing.reference === input.quoteId ? done(state, input.conversionId) : { ok: false, reason: "key_reused" };
  const now = Date.now();
  const refusal = refusalOf(state, input, now);
  if (refusal) return refusal;
  atomically(state, () => {
    const id = input.conversionId;
    applyMovement(
      state,
      { id: `${id}:out`, kind: "conversion_out", currency: from.currency, amount: from.amount - fee },
      now,
    );
    if (fee > 0)
      applyMovement(state, { id: `${id}:fee`, kind: "conversion_fee", currency: from.currency, amount: fee }, now);
    applyMovement(state, { id: `${id}:in`, kind: "conversion_in", currency: to.currency, amount: to.amount }, now);
    const leg = {
      status: "completed",
      counterpartyUserId: null,
      reference: input.quoteId,
      note: null,
      createdAt: now,
      completedAt: now,
    } as const;
    openTransaction(state, { ...leg, id: ids.debit, type: "conversion_out", direction: "debit", ...from }, now);
    openTransaction(state, { ...leg, id: ids.credit, type: "conversion_in", direction: "credit", ...to }, now);
  });
  ensureAlarm(state, now);
  return done(state, input.conversionId);
}

/** What the object's `convert` runs: the conversion, then (best effort) its history to D1 at once. */
export async function convertAndProject(state: WalletState, input: ConvertInput): Promise<ConvertResult> {
  const result = convert(state, input);
  // The alarm delivers whatever this misses; the caller's history just shows it sooner.
  if (result.ok) await deliverOutbox(state).catch(() => undefined);
  return result;
}
