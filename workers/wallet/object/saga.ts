import { readConfig } from "../../platform/config";
import { logEvent } from "../../platform/log";
import { placement } from "../../platform/placement";
import { type RpcTrace, rpcTrace } from "../../platform/request-context";
import { deliverOutbox } from "./projection";
import type { WalletState } from "./state";
import { hold, nextAttemptAt, readTransfer, settle, transferView } from "./transfers";
import type { ReceiveResult, SendInput, SendResult } from "./types";

/*
 * The sender's object drives each of its transfers: the request that starts one, and its alarm
 * after a crash, an eviction or a receiver that did not answer. Drives may overlap (a request and
 * the alarm); every step is idempotent by the transfer id, so the second one changes nothing.
 */

function retryMs(state: WalletState): number {
  return readConfig(state.env).wallet.transferRetryMs;
}

/** Step 2 then step 3 for one pending transfer; a receiver that fails to answer leaves it for the alarm. */
export async function drive(state: WalletState, transferId: string, trace: RpcTrace = rpcTrace()): Promise<void> {
  const row = readTransfer(state, transferId);
  if (row?.role !== "out" || row.status !== "pending") return;
  const now = Date.now();
  // Pushed back before the call: if this drive dies mid-call, the alarm tries again later, not at once.
  state.sql.exec(
    "UPDATE w_transfers SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
    nextAttemptAt(now, row.attempts + 1, retryMs(state)),
    transferId,
  );
  let answer: ReceiveResult;
  try {
    answer = await state.env.WALLET.getByName(row.counterparty, placement(state.env)).receive(
      {
        transferId,
        fromUserId: state.userId,
        currency: row.currency,
        amount: row.amount,
        ...(row.note !== null ? { note: row.note } : {}),
        createdAt: row.created_at,
      },
      trace,
    );
  } catch (err) {
    logEvent("warn", "wallet_transfer_retry", { transferId, attempts: row.attempts + 1, error: String(err) });
    return;
  }
  settle(state, transferId, answer, Date.now());
}

/** A transfer from this wallet: step 1, then drives it as far as it goes now, then projects it. */
export async function send(state: WalletState, input: SendInput): Promise<SendResult> {
  const trace = rpcTrace();
  const begun = hold(state, input, Date.now(), retryMs(state));
  if (!begun.ok) return begun;
  await drive(state, input.transferId, trace);
  // Best effort: the history shows the transfer at once; the alarm delivers whatever this misses.
  await deliverOutbox(state).catch(() => undefined);
  const row = readTransfer(state, input.transferId);
  if (!row) throw new Error(`Transfer ${input.transferId} vanished`);
  if (row.status === "failed") {
    return { ok: false, reason: "recipient_refused", refusal: JSON.parse(row.refusal ?? "{}") };
  }
  return { ok: true, transfer: transferView(state, row) };
}

/** The alarm's share: every pending transfer whose retry time has come. */
export async function driveDue(state: WalletState, now: number): Promise<void> {
  const due = state.sql
    .exec<{ id: string }>(
      "SELECT id FROM w_transfers WHERE status = 'pending' AND role = 'out' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 100",
      now,
    )
    .toArray();
  for (const { id } of due) await drive(state, id);
}
