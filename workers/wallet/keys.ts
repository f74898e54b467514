import { sha256Hex } from "../platform/ids";
import { placement } from "../platform/placement";

/** A stub of one user's Wallet object, typed by the Env binding (domain code never imports the class). */
export type WalletStub = ReturnType<Env["WALLET"]["getByName"]>;

/** The Wallet object of `userId` (one per user, named by the user id). */
export function walletStub(env: Pick<Env, "WALLET" | "DO_LOCATION_HINT">, userId: string): WalletStub {
  return env.WALLET.getByName(userId, placement(env));
}

/**
 * The id of the transfer a sender's Idempotency-Key asks for: derived, never random, so a retry of
 * the request (even after the key's stored answer expired) reaches the same transfer and moves
 * nothing twice.
 */
export async function transferIdOf(senderId: string, idempotencyKey: string): Promise<string> {
  return `trf_${(await sha256Hex(`wallet-transfer\n${senderId}\n${idempotencyKey}`)).slice(0, 26)}`;
}

/** The id of the withdrawal a user's Idempotency-Key asks for (derived like transferIdOf; also its disbursement's id). */
export async function withdrawalIdOf(userId: string, idempotencyKey: string): Promise<string> {
  return `wdr_${(await sha256Hex(`wallet-withdrawal\n${userId}\n${idempotencyKey}`)).slice(0, 26)}`;
}
