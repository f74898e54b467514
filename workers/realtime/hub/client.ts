import { logEvent } from "../../platform/log";
import { placement } from "../../platform/placement";
import { ACCOUNT_CLOSED, type StreamNotification } from "./frames";

/** One user's hub (the UserHub Durable Object named after the user id). */
export function hubOf(env: Env, userId: string) {
  return env.USER_HUB.getByName(userId, placement(env));
}

/**
 * Shows committed notifications (in order) on the user's connected devices: one call to the hub
 * for all of a user's new notifications of a queue batch. Best effort: the inbox has them anyway,
 * and a device that was offline fetches them. Returns how many sockets they reached.
 */
export async function pushToHub(env: Env, userId: string, notifications: StreamNotification[]): Promise<number> {
  if (notifications.length === 0) return 0;
  try {
    return await hubOf(env, userId).notifyMany(notifications);
  } catch (err) {
    logEvent("warn", "hub_push_failed", {
      userId,
      notificationIds: notifications.map((n) => n.id),
      error: String(err),
    });
    return 0;
  }
}

/**
 * Tells the user's devices how many unread messages a dialog has now (a badge, or a new-message
 * hint). For the chat domain to call after a read or a new message; never throws. Answers whether
 * the hub took it (false: it failed and was logged; a caller that must deliver retries).
 */
export async function notifyUnread(env: Env, userId: string, dialogId: string, count: number): Promise<boolean> {
  try {
    await hubOf(env, userId).unread(dialogId, Math.max(0, Math.floor(count)));
    return true;
  } catch (err) {
    logEvent("warn", "hub_unread_failed", { userId, dialogId, error: String(err) });
    return false;
  }
}

/**
 * Closes every socket of the user's stream at once (their account was suspended or deleted), with
 * close code 4403; answers how many were open. Throws when the hub cannot be reached, so the
 * event that asked is retried.
 */
export async function closeUserStream(env: Env, userId: string, reason: string): Promise<number> {
  return hubOf(env, userId).closeSockets(ACCOUNT_CLOSED, reason);
}

/**
 * Sessions of the user ended from another device (sessions list, "sign out others"): their sockets
 * get a `session.revoked` frame and close (4401) now rather than at the hub's next heartbeat, which
 * would close them anyway. Best effort, never throws; answers how many sockets it closed.
 */
export async function endSessionStreams(env: Env, userId: string, sessionIds: string[]): Promise<number> {
  if (sessionIds.length === 0) return 0;
  try {
    return await hubOf(env, userId).endSessions(sessionIds);
  } catch (err) {
    logEvent("warn", "hub_end_sessions_failed", { userId, error: String(err) });
    return 0;
  }
}
