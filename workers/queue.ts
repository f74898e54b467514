import { accountSocketsConsumer, transferCardsConsumer } from "./chat";
import { earningsLedgerConsumer, payoutOutcomeConsumer } from "./earnings";
import { deliverMessage, type MessagingDeps, messagingDeps } from "./messaging";
import { metricsConsumer } from "./metrics";
import { composeNotifications, deliverNotification } from "./notifications";
import { orderStockConsumer } from "./orders";
import { paymentRefundConsumer } from "./payments";
import { consumeBatch, consumeDeadLetters, consumersOf } from "./platform/consume";
import { flushMetrics } from "./platform/metrics";
import { searchIndexConsumer } from "./search";
import { withdrawalOutcomeConsumer } from "./wallet";

/** Everything a queue consumer may call out to; tests pass their own. */
export type QueueDeps = MessagingDeps;

/** Every consumer of the queues; each names the event types it applies. */
export const consumersFor = consumersOf<QueueDeps>([
  deliverMessage,
  searchIndexConsumer,
  composeNotifications,
  deliverNotification,
  accountSocketsConsumer,
  orderStockConsumer,
  paymentRefundConsumer,
  withdrawalOutcomeConsumer,
  transferCardsConsumer,
  earningsLedgerConsumer,
  payoutOutcomeConsumer,
  metricsConsumer,
]);

export function defaultQueueDeps(env: Env): QueueDeps {
  return messagingDeps(env);
}

/** The Worker's queue handler: dead-letter queues are recorded, the others consumed. */
export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env, deps: QueueDeps): Promise<void> {
  if (batch.queue.includes("-dlq")) await consumeDeadLetters(batch, env, consumersFor);
  else await consumeBatch(batch, env, deps, consumersFor);
  // Data points the consumers recorded (notification outcomes) reach the local sink before the batch ends.
  await flushMetrics(env);
}
