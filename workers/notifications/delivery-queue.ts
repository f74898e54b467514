import type { MessagingDeps } from "../messaging";
import type { EventConsumer } from "../platform/consume";

/** A consumer that may use every queue dependency (the same shape the platform passes everyone). */
export type NotificationConsumer = EventConsumer<MessagingDeps>;

/** The consumers' clock (tests move it). */
export const clock = (deps: MessagingDeps) => deps.now?.() ?? Date.now();

/** Puts deliver events on the notifications queue, each with its own delay (≤ 100 per sendBatch). */
export function queueEnqueue(env: Env): NonNullable<MessagingDeps["enqueue"]> {
  return async (messages) => {
    for (let i = 0; i < messages.length; i += 100) {
      await env.NOTIFICATIONS.sendBatch(
        messages.slice(i, i + 100).map((m) => ({
          body: m.body,
          contentType: "json" as const,
          ...(m.delaySeconds && m.delaySeconds > 0 ? { delaySeconds: m.delaySeconds } : {}),
        })),
      );
    }
  };
}

export const enqueueOf = (env: Env, deps: MessagingDeps) => deps.enqueue ?? queueEnqueue(env);

/** Seconds until `at`, clamped to what a queue can delay. */
export function delayUntil(at: number | null, nowMs: number, maxDelaySeconds: number): number {
  if (at === null || at <= nowMs) return 0;
  return Math.min(maxDelaySeconds, Math.ceil((at - nowMs) / 1000));
}
