import { database, nowMs } from "../platform/db";
import type { ReturnStanding } from "./access";
import { moveReturn } from "./moves";
import type { ReturnRow } from "./rows";

/**
 * The shop's decision on a requested return: approved (the buyer sends the items back) or
 * rejected (the units count as kept again), with an optional note for the buyer. Only from
 * `requested`, by a conditional move: a second decision, racing or late, is 409.
 */
export async function decideReturn(
  env: Env,
  { ret, order, actor }: ReturnStanding,
  decision: "approved" | "rejected",
  note: string | undefined,
): Promise<ReturnRow> {
  return moveReturn(database(env), ret, order, {
    to: decision,
    actor,
    set: { decidedAt: nowMs(), ...(note ? { note } : {}) },
  });
}
