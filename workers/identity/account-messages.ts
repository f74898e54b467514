import type { EventOf } from "../../schemas/events";
import type { Channel } from "../../schemas/messaging";
import { type AccountMessageId, renderAccountMessage } from "../i18n/catalog";
import { deliverNow, messageWrites } from "../messaging";
import type { Database } from "../platform/db";
import type { UserContact } from "./present";

type Params = Record<string, string | number | Date>;

/**
 * Writes for an account message (OTP, welcome, new device, password reset...) to every channel the
 * person can be reached on, in their language. Commit them with the change that causes them.
 */
export async function accountMessageWrites(
  env: Env,
  db: Database,
  to: Pick<UserContact, "phone" | "email" | "locale" | "timezone">,
  id: AccountMessageId,
  params: Params,
  channels: Channel[] = ["sms", "email"],
) {
  const writes = [];
  const events: EventOf<"message.requested">[] = [];
  const targets: [Channel, string | undefined][] = [
    ["sms", to.phone],
    ["email", to.email],
  ];
  for (const [channel, address] of targets) {
    if (!address || !channels.includes(channel)) continue;
    const text = renderAccountMessage(id, channel === "sms" ? "sms" : "email", to.locale, params, {
      timeZone: to.timezone,
    });
    const category = id === "welcome" ? "transactional" : "security";
    const request = {
      channel,
      to: address,
      locale: to.locale,
      subject: text.subject,
      body: text.body,
      category,
    } as const;
    const result = await messageWrites(env, db, request);
    writes.push(...result.writes);
    events.push(result.event);
  }
  return { writes, events };
}

/** Sends committed account messages right away; the queue retries any that fail here. */
export async function sendAccountMessagesNow(env: Env, events: EventOf<"message.requested">[]): Promise<void> {
  await Promise.all(events.map((event) => deliverNow(env, event)));
}
