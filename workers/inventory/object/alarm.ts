import { type InventoryState, meta, scheduleNext, sweep } from "./state";
import { collectGarbage, deliverDueEvents } from "./store";

/**
 * The alarm: closes expired holds, forgets closed rows past RETENTION_MS, delivers pending events,
 * then sets the alarm to the next thing due. At-least-once and safe to run any number of times.
 * Events go to `queue` (ORDER_EVENTS), read from the object's env at each run.
 */
export async function runAlarm(state: InventoryState, queue: Queue): Promise<void> {
  const now = Date.now();
  // This alarm is consumed: whatever runs from here on schedules afresh.
  state.sql.exec("UPDATE inv_meta SET alarm_at = NULL WHERE id = 1");
  sweep(state, now);
  collectGarbage(state.sql, now);
  // The runtime never overlaps alarms, but a direct call might: one sender at a time.
  if (!state.delivering) {
    state.delivering = true;
    try {
      await deliverDueEvents(state.sql, queue, now, meta(state).sku);
    } finally {
      state.delivering = false;
    }
  }
  scheduleNext(state);
}
