import type { EventOf } from "../../schemas/events";
import { createEvent } from "../platform/outbox";

/**
 * An account security alert, announced by identity with the change that causes it (on the
 * notifications queue): `{ userId, alert, device?, at }`, alert = new_sign_in | password_changed
 * | sessions_revoked | <other>. Identity sends its own SMS and email directly
 * (account-messages.ts); whoever consumes this event adds the in-app and push side.
 */
export const SECURITY_ALERT = "security.alert";

export type SecurityAlert = "new_sign_in" | "password_changed" | "sessions_revoked" | (string & {});

/** A `security.alert` event, to record in the outbox with the state change it announces. */
export function securityAlertEvent(
  userId: string,
  alert: SecurityAlert,
  details: { device?: string; at?: Date } = {},
): EventOf<"security.alert"> {
  return createEvent(
    SECURITY_ALERT,
    {
      userId,
      alert,
      ...(details.device ? { device: details.device } : {}),
      at: (details.at ?? new Date()).getTime(),
    },
    { subject: { type: "user", id: userId } },
  );
}

/**
 * `account.suspended` / `account.deleted`, recorded with the status change: whoever holds the
 * account's live connections (chat rooms, the realtime stream) closes them when it arrives.
 */
export function accountClosedEvent(
  type: "account.suspended" | "account.deleted",
  userId: string,
  at: number,
  actorId?: string,
): EventOf<typeof type> {
  return createEvent(
    type,
    { userId, at },
    {
      actor: actorId && actorId !== userId ? { type: "admin", id: actorId } : { type: "user", id: userId },
      subject: { type: "user", id: userId },
    },
  );
}
