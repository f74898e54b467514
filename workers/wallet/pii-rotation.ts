import { database } from "../platform/db";
import { logEvent } from "../platform/log";
import { reencryptPii } from "../platform/pii";
import { walletStub } from "./keys";
import type { SealedColumn } from "./object/personal";
import { walletsWithWithdrawalsAfter } from "./personal-data";

/** The rotation's name for the encrypted bank fields kept in Wallet objects. */
export const WALLET_PII_TARGET = "wallet_withdrawals";

/**
 * One page of the PII key rotation over the Wallet objects: the next `limit` wallets that ever
 * withdrew (by user id, after `after`), each one's encrypted bank fields re-encrypted to the newest
 * key here (with the caller's keyring) and written back compare-and-set by the object. A page
 * repeated after a crash finds its values on the newest key already and rewrites nothing.
 */
export async function reencryptWalletPage(env: Env, after: string | null, limit: number) {
  const userIds = await walletsWithWithdrawalsAfter(database(env), after, limit);
  let rewritten = 0;
  let unreadable = 0;
  for (const userId of userIds) {
    const stub = walletStub(env, userId);
    const items: { id: string; column: SealedColumn; from: string; to: string }[] = [];
    for (const sealed of await stub.sealedWithdrawals()) {
      try {
        const to = await reencryptPii(env, sealed.value);
        if (to) items.push({ id: sealed.id, column: sealed.column, from: sealed.value, to });
      } catch (err) {
        unreadable += 1;
        logEvent("error", "pii_unreadable", {
          userId,
          withdrawalId: sealed.id,
          column: sealed.column,
          error: String(err),
        });
      }
    }
    if (items.length) rewritten += await stub.resealWithdrawals(items);
  }
  return { last: userIds.at(-1) ?? after, done: userIds.length < limit, rewritten, unreadable };
}
