import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { homeShard, inventoryStub, reserveStock, setStock, stockLevel } from "../../workers/inventory";
import { freshKey } from "./helpers";

// reserveStock's routing by what the isolate last heard of each shard (workers/inventory/shard-hints.ts):
// a hint only chooses where to ask; each shard still checks and writes atomically.

const MINUTE = 60_000;

async function sharded(label: string, onHand: number, shards: number) {
  const key = freshKey(label);
  expect((await setStock(env, { key, shards }, { onHand })).ok).toBe(true);
  return { key, ref: { key, shards } };
}

async function liveHolds(key: string, shards: number) {
  const audits = await Promise.all(Array.from({ length: shards }, (_, s) => inventoryStub(env, key, s).audit()));
  for (const a of audits) expect(a.problems).toEqual([]);
  return audits.reduce((n, a) => n + a.liveHeldUnits, 0);
}

describe("sharded reservations routed by hints", () => {
  it("a split skips a shard heard to be empty; replays meet the same parts even once that shard has stock", async () => {
    const { key, ref } = await sharded("skip", 40, 4);
    const id = "skip-big";
    const home = homeShard(id, 4);
    const [empty, after] = [(home + 1) % 4, (home + 2) % 4];
    expect((await inventoryStub(env, key, empty).adjust({ adjustmentId: "drain", delta: -10 })).ok).toBe(true);
    await stockLevel(env, ref); // the router hears of it

    const first = await reserveStock(env, { ...ref, reservationId: id, quantity: 15, ttlMs: MINUTE });
    expect(first).toMatchObject({
      ok: true,
      replayed: false,
      allocations: [
        { shard: home, quantity: 10 },
        { shard: after, quantity: 5 },
      ],
    });
    expect(await inventoryStub(env, key, empty).reservation(id)).toBeNull();

    // Stock arrives on the skipped shard: a replay must not take anything there.
    expect((await inventoryStub(env, key, empty).adjust({ adjustmentId: "refill", delta: 10 })).ok).toBe(true);
    if (!first.ok) return;
    for (let i = 0; i < 3; i++) {
      const again = await reserveStock(env, { ...ref, reservationId: id, quantity: 15, ttlMs: MINUTE });
      expect(again).toMatchObject({ ok: true, replayed: true, allocations: first.allocations });
    }
    expect(await inventoryStub(env, key, empty).reservation(id)).toBeNull();
    expect(await stockLevel(env, ref)).toMatchObject({ reserved: 15, available: 25 });
    expect(await liveHolds(key, 4)).toBe(15);
  });

  it("a retry after an attempt that died midway takes only what is missing", async () => {
    const { key, ref } = await sharded("retry", 12, 4);
    const id = "retry-1";
    const home = homeShard(id, 4);
    // The first attempt held the home shard's 3 units, then its Worker died.
    const part = await inventoryStub(env, key, home).reserve({
      reservationId: id,
      quantity: 7,
      ttlMs: MINUTE,
      partial: true,
    });
    expect(part).toMatchObject({ ok: true, quantity: 3 });

    const again = await reserveStock(env, { ...ref, reservationId: id, quantity: 7, ttlMs: MINUTE });
    expect(again).toMatchObject({ ok: true, replayed: false, quantity: 7 });
    if (!again.ok) return;
    expect(again.allocations[0]).toEqual({ shard: home, quantity: 3 });
    expect(again.allocations.reduce((n, a) => n + a.quantity, 0)).toBe(7);
    expect(await stockLevel(env, ref)).toMatchObject({ reserved: 7, available: 5 });
    expect(await liveHolds(key, 4)).toBe(7);
  });

  it("hints gone stale (stock taken behind the router's back): 60 concurrent reservations, exactly the 10 left succeed", async () => {
    const { key, ref } = await sharded("stale", 40, 4);
    for (const s of [1, 2, 3]) {
      expect((await inventoryStub(env, key, s).adjust({ adjustmentId: "gone", delta: -10 })).ok).toBe(true);
    }
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        reserveStock(env, { ...ref, reservationId: `stale-${i}`, quantity: 1, ttlMs: MINUTE }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.code === "insufficient_stock")).toHaveLength(50);
    expect(await stockLevel(env, ref)).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
    // No zero-unit marker or part of a refused reservation is left behind.
    expect(await liveHolds(key, 4)).toBe(10);
  });

  it("a refusal never rests on what was heard: a unit given back to another shard is found at once", async () => {
    const { key, ref } = await sharded("out", 4, 4);
    for (let i = 0; i < 4; i++) {
      expect(await reserveStock(env, { ...ref, reservationId: `out-${i}`, quantity: 1, ttlMs: MINUTE })).toMatchObject({
        ok: true,
      });
    }
    const late = { ...ref, reservationId: "out-late", quantity: 1, ttlMs: MINUTE };
    expect(await reserveStock(env, late)).toMatchObject({ ok: false, code: "insufficient_stock", available: 0 });

    // A unit comes back on a shard other than the home one, unseen by this isolate (its hints,
    // still fresh, say that shard is empty).
    const elsewhere = (homeShard(late.reservationId, 4) + 1) % 4;
    expect((await inventoryStub(env, key, elsewhere).adjust({ adjustmentId: "back", delta: 1 })).ok).toBe(true);
    expect(await reserveStock(env, late)).toMatchObject({ ok: true, allocations: [{ shard: elsewhere, quantity: 1 }] });
    expect(await liveHolds(key, 4)).toBe(5);
  });
});
