import { env, runInDurableObject } from "cloudflare:test";
import { expect } from "vitest";
import type { Inventory } from "../../durable-objects/inventory";
import { inventoryStub } from "../../workers/inventory";
import type { StockLevel } from "../../workers/inventory/object/types";

let seq = 0;

/** A key no other test in the file uses (storage is shared by the tests of one file). */
export function freshKey(label: string): string {
  seq += 1;
  return `prd_${label}_${seq}_${crypto.randomUUID().slice(0, 8)}`;
}

export function stub(key: string, shard = 0): DurableObjectStub<Inventory> {
  return inventoryStub(env, key, shard);
}

/** An object with `onHand` units (and optionally a low-stock threshold), unsharded. */
export async function stocked(label: string, onHand: number, lowStockThreshold?: number) {
  const key = freshKey(label);
  const s = stub(key);
  const r = await s.configure({ sku: key, onHand, ...(lowStockThreshold === undefined ? {} : { lowStockThreshold }) });
  expect(r.ok).toBe(true);
  return { key, s };
}

export function expectBalanced(level: Pick<StockLevel, "available" | "reserved" | "sold">, total: number): void {
  expect(level.available + level.reserved + level.sold).toBe(total);
  expect(level.available).toBeGreaterThanOrEqual(0);
  expect(level.reserved).toBeGreaterThanOrEqual(0);
}

/** Keeps the object's own alarm from firing by itself, so a test decides when it runs. */
export async function holdAlarm(s: DurableObjectStub<Inventory>): Promise<void> {
  await runInDurableObject(s, async (_instance: Inventory, state) => {
    await state.storage.setAlarm(Date.now() + 3_600_000);
  });
}

/** The stored status of a hold, as the table has it (no read-time expiry applied). */
export async function storedStatus(s: DurableObjectStub<Inventory>, reservationId: string): Promise<string | null> {
  return runInDurableObject(s, (_instance: Inventory, state) => {
    const row = state.storage.sql
      .exec<{ status: string }>("SELECT status FROM inv_holds WHERE id = ?", reservationId)
      .toArray()[0];
    return row?.status ?? null;
  });
}

/**
 * Lets holds run out without waiting out their TTL: their expiry moves into the past, as if the
 * time had passed (the object reads its own clock). Nothing else changes: no sweep, no alarm.
 */
export async function expireHolds(s: DurableObjectStub<Inventory>, ...reservationIds: string[]): Promise<void> {
  await runInDurableObject(s, (instance: Inventory, state) => {
    for (const id of reservationIds) {
      state.storage.sql.exec("UPDATE inv_holds SET expires_at = ? WHERE id = ?", Date.now() - 1, id);
    }
    // The object's memory of its earliest expiry is behind this change: make it look again.
    instance["state"].sweepNotBefore = null;
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs the object's alarm until its events satisfy `done`. The object's own alarm may be delivering
 * at the same moment (it was due at once), and a concurrent run leaves delivery to it, so poll.
 */
export async function alarmUntil(
  s: DurableObjectStub<Inventory>,
  done: (events: Awaited<ReturnType<Inventory["events"]>>) => boolean,
) {
  for (let i = 0; i < 100; i++) {
    await runInDurableObject(s, (instance: Inventory) => instance.alarm());
    const events = await s.events();
    if (done(events)) return events;
    await sleep(10);
  }
  throw new Error("the alarm never got there");
}
