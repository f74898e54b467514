import { nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";

/**
 * Whether someone is online (some presence lease of theirs not expired) and when they were last
 * seen. Visible for oneself and for people one shares a dialog with: one D1 round trip.
 */
export async function presenceOf(
  env: Env,
  viewerId: string,
  userId: string,
): Promise<{ userId: string; online: boolean; lastSeenAt: string | null }> {
  const [shared, lease] = await env.DB.batch<Record<string, number | null>>([
    env.DB.prepare(
      `SELECT 1 AS ok FROM dialog_members a JOIN dialog_members b ON b.dialog_id = a.dialog_id AND b.user_id = ?2
        WHERE a.user_id = ?1 LIMIT 1`,
    ).bind(viewerId, userId),
    env.DB.prepare(
      "SELECT MAX(expires_at) AS expires, MAX(last_seen_at) AS seen FROM chat_presence WHERE user_id = ?",
    ).bind(userId),
  ]);
  if (userId !== viewerId && shared.results.length === 0) {
    throw new ApiError("forbidden", "You can see the presence of people you share a dialog with.");
  }
  const now = nowMs();
  const { expires = null, seen = null } = lease.results[0] ?? {};
  return {
    userId,
    online: expires !== null && expires > now,
    lastSeenAt: seen === null ? null : new Date(Math.min(seen, now)).toISOString(),
  };
}
