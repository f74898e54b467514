import { deliverMessage, MESSAGE_REQUESTED, type MessagingDeps, messagingDeps } from "./messaging";
import { composeNotifications, deliverNotification, NOTIFICATION_DELIVER } from "./notifications";
import { consumeBatch, consumeDeadLetters, type EventConsumer } from "./platform/consume";
import { searchIndexConsumer } from "./search";

/** Everything a queue consumer may call out to; tests pass their own. */
export type QueueDeps = MessagingDeps;

/** Which consumers apply each event type. */
const CONSUMERS: Record<string, EventConsumer<QueueDeps>[]> = {
  [MESSAGE_REQUESTED]: [deliverMessage],
  "product.created": [searchIndexConsumer],
  "product.updated": [searchIndexConsumer],
  "product.deleted": [searchIndexConsumer],
  // Notifications: domain events become notifications; each delivery is then sent on its own.
  "order.created": [composeNotifications],
  "order.paid": [composeNotifications],
  "order.shipped": [composeNotifications],
  "order.delivered": [composeNotifications],
  "order.cancelled": [composeNotifications],
  "order.expired": [composeNotifications],
  "payment.failed": [composeNotifications],
  "inventory.low": [composeNotifications],
  "chat.message": [composeNotifications],
  "security.alert": [composeNotifications],
  "promotion.price_drop": [composeNotifications],
  "promotion.voucher_expiring": [composeNotifications],
  [NOTIFICATION_DELIVER]: [deliverNotification],
};

export function consumersFor(type: string): EventConsumer<QueueDeps>[] {
  return CONSUMERS[type] ?? [];
}

export function defaultQueueDeps(env: Env): QueueDeps {
  return messagingDeps(env);
}

/** The Worker's queue handler: dead-letter queues are recorded, the others consumed. */
export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env, deps: QueueDeps): Promise<void> {
  if (batch.queue.includes("-dlq")) await consumeDeadLetters(batch, env, consumersFor);
  else await consumeBatch(batch, env, deps, consumersFor);
}
