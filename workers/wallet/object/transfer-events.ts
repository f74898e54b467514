import type { EventOf } from "../../../schemas/events";
import { readConfig } from "../../platform/config";
import type { Database } from "../../platform/db";
import { logEvent } from "../../platform/log";
import { drainOutbox, recordEventOnce } from "../../platform/outbox";
import type { WalletState } from "./state";

type WalletTransactionEvent = EventOf<"wallet.transaction">;

/*
 * Closed transfers, announced on the queue (chat refreshes the transfer cards that show them,
 * workers/chat/transfer-cards.ts). The event is the sender's own `wallet.transaction` of its
 * `transfer_out` reaching a final status, written to the platform's D1 outbox in the same batch as
 * its projection (so it exists exactly when the projection has the final status; its id is the
 * version's, so a repeated delivery records nothing twice).
 */

/** Wallets whose last delivery recorded such events (the alarm publishes them at once). */
const recorded = new WeakSet<WalletState>();

const closesTransfer = (e: WalletTransactionEvent) => e.data.type === "transfer_out" && e.data.status !== "pending";

/** The outbox rows of the closed transfers among `events`, for the projection's batch. */
export function transferEventWrites(state: WalletState, db: Database, events: readonly WalletTransactionEvent[]) {
  const closing = events.filter(closesTransfer);
  if (closing.length > 0) recorded.add(state);
  // Claimed for 0 s: any drain may publish them (the cron's, or the alarm's right after).
  return closing.map((e) => recordEventOnce(db, "order_events", e, { claimSeconds: 0 }));
}

/**
 * From the alarm (transfers it closed are the ones a card may already show as pending): publishes
 * the recorded events now rather than at the next cron. Best effort: the cron's drain is the net.
 */
export async function publishTransferEvents(state: WalletState): Promise<void> {
  if (!recorded.has(state)) return;
  recorded.delete(state);
  await drainOutbox(state.env, readConfig(state.env)).catch((err) =>
    logEvent("warn", "wallet_transfer_events_drain_failed", { userId: state.userId, error: String(err) }),
  );
}
