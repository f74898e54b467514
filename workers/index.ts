import { createApp } from "./app";
import { loadConfig } from "./platform/config";
import { newId } from "./platform/ids";
import { logEvent } from "./platform/log";
import { withRequestId } from "./platform/request-context";
import { defaultQueueDeps, handleQueueBatch } from "./queue";
import { runScheduled } from "./scheduled";

export { Cart } from "../durable-objects/cart";
export { ChatRoom } from "../durable-objects/chat-room";
export { Inventory } from "../durable-objects/inventory";
export { RateLimiter } from "../durable-objects/rate-limiter";
export { UserHub } from "../durable-objects/user-hub";
export { Wallet } from "../durable-objects/wallet";

const app = createApp();

export default {
  fetch: app.fetch,

  async queue(batch, env) {
    const { error } = loadConfig(env);
    if (error) {
      // Consumers cannot run with a variable out of range: hold the events until it is fixed.
      logEvent("error", "queue_batch_held", { queue: batch.queue, error: error.message });
      batch.retryAll({ delaySeconds: 300 });
      return;
    }
    await handleQueueBatch(batch, env, defaultQueueDeps(env));
  },

  async scheduled(controller, env, ctx) {
    const { error } = loadConfig(env);
    if (error) {
      logEvent("error", "scheduled_skipped", { cron: controller.cron, error: error.message });
      return;
    }
    // A cron run is a request of its own: the events it causes (expiries, refunds) carry its id.
    ctx.waitUntil(
      withRequestId(newId("cron"), () => runScheduled(env, async (request) => app.fetch(request, env, ctx))).catch(
        (err) => logEvent("error", "scheduled_failed", { cron: controller.cron, error: String(err) }),
      ),
    );
  },
} satisfies ExportedHandler<Env>;
