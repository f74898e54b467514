import type { Config } from "../platform/config";
import type { Database } from "../platform/db";
import type { Recipient, UserLookup } from "./recipients";
import type { NotificationParams, TemplateId } from "./templates/render";

/*
 * What a planner returns (compose.ts and the planners of their own files, refund-plans.ts,
 * return-plans.ts, pickup-plans.ts): types only, so those files import nothing back from compose.ts.
 */

/** One notification to one recipient, before preferences and channels are applied. */
export interface Planned {
  recipient: Recipient;
  template: TemplateId;
  params: NotificationParams;
  /** For clients (deep links) and push data: ids only, strings. */
  data: Record<string, string>;
  /** Notifies once per key: (recipient, event, type), or (recipient, dialog, unread streak) for chat. */
  dedupeKey: string;
  /** A later event with the same key updates the notification (chat: "3 new messages"). */
  collapse?: boolean;
  /** Push collapse key: a newer push replaces an older one on the device. */
  pushCollapseKey?: string;
  /** Not worth sending after this (epoch ms). */
  expiresAt?: number;
}

/** A new-message hint for the user's realtime stream (badge), sent even for muted dialogs. */
export interface UnreadHint {
  userId: string;
  dialogId: string;
  count: number;
}

export interface Plan {
  notifications: Planned[];
  hints: UnreadHint[];
}

export interface PlanContext {
  env: Env;
  db: Database;
  config: Config;
  now: number;
  /** Active users by id (recipients.ts activeUsers; a batch shares one loader: one query for all). */
  users: UserLookup;
}
