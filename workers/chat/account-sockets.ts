import { defineConsumer } from "../platform/consume";
import { nowMs } from "../platform/db";
import { ACCOUNT_CLOSED, closeUserStream } from "../realtime";
import { roomStub } from "./rooms";

/** Rooms asked at once when an account's sockets are closed. */
const ROOMS_AT_ONCE = 25;

/**
 * A suspended or deleted account loses its open sockets within seconds, not at its next
 * reconnect: every chat room it is connected to (its presence leases say which) and its realtime
 * stream close them with 4403. Closing is idempotent, so a redelivered event is harmless. The
 * rooms' and the stream's heartbeats (one session check, which also checks the account's status)
 * remain the backstop for a socket opened in the moment before the lease was written.
 */
export async function closeAccountSockets(env: Env, userId: string, reason: string): Promise<number> {
  const { results } = await env.DB.prepare("SELECT dialog_id FROM chat_presence WHERE user_id = ? AND expires_at > ?")
    .bind(userId, nowMs())
    .all<{ dialog_id: string }>();
  let closed = 0;
  for (let i = 0; i < results.length; i += ROOMS_AT_ONCE) {
    const outcomes = await Promise.all(
      results
        .slice(i, i + ROOMS_AT_ONCE)
        .map((r) => roomStub(env, r.dialog_id).closeUserSockets({ userId, code: ACCOUNT_CLOSED, reason })),
    );
    for (const out of outcomes) if (out.ok) closed += out.closed;
  }
  return closed + (await closeUserStream(env, userId, reason));
}

/** Applies `account.suspended` and `account.deleted`: the account's sockets close. */
export const accountSocketsConsumer = defineConsumer({
  name: "chat.account-sockets",
  types: ["account.suspended", "account.deleted"],
  async handle(event, env) {
    await closeAccountSockets(
      env,
      event.data.userId,
      event.type === "account.suspended" ? "account suspended" : "account deleted",
    );
    return [];
  },
});
