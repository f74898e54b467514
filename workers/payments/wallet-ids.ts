import { sha256Hex } from "../platform/ids";

/*
 * Ids of wallet payments and top-ups, derived from the payer and their Idempotency-Key, never
 * random: a retry of the request (even after the key's stored answer expired, or after the process
 * died midway) reaches the same payment and the same wallet transaction, and moves money once.
 */

async function keyed(kind: string, userId: string, key: string): Promise<string> {
  return (await sha256Hex(`${kind}\n${userId}\n${key}`)).slice(0, 26);
}

/** The payment of orders paid from the wallet under this key. */
export async function walletPaymentIdOf(userId: string, key: string): Promise<string> {
  return `pay_w${await keyed("wallet-payment", userId, key)}`;
}

/** The top-up asked for under this key: its wallet transaction and the gateway payment that funds it. */
export async function topupIdsOf(userId: string, key: string): Promise<{ transactionId: string; paymentId: string }> {
  const hash = await keyed("wallet-topup", userId, key);
  return { transactionId: `wtp_${hash}`, paymentId: `pay_t${hash}` };
}
