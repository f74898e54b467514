import { completeOrder, deliveredOrdersDue } from "../orders";
import { readConfig } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { ordersWithOpenReturns } from "./rows";

/** Orders looked at per page, and pages per run: the minute cron stays short. */
const PAGE = 50;
const PAGES_PER_RUN = 4;

/**
 * The minute cron: a delivered order whose RETURN_WINDOW_DAYS have passed since delivery, with
 * no return still in progress, moves to `completed` (announced as order.completed, which the
 * shop's earnings follow). An order with an open return waits for it to end. The move is
 * conditional on the order still being delivered, so two runs (or a buyer's own completion)
 * complete it once; the loser's 409 is ignored. At most PAGE × PAGES_PER_RUN orders per run.
 */
export async function completeOrdersPastReturnWindow(env: Env): Promise<number> {
  const db = database(env);
  const deliveredBy = nowMs() - readConfig(env).returns.windowMs;
  let afterId = "";
  let completed = 0;
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const due = await deliveredOrdersDue(db, deliveredBy, afterId, PAGE);
    if (due.length === 0) break;
    afterId = due[due.length - 1].id;
    const open = await ordersWithOpenReturns(
      db,
      due.map((o) => o.id),
    );
    for (const order of due) {
      if (open.has(order.id)) continue;
      try {
        await completeOrder(db, order);
        completed += 1;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
      }
    }
    if (due.length < PAGE) break;
  }
  return completed;
}
