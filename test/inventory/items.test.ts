import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  commitItems,
  homeShard,
  inventoryKey,
  inventoryStub,
  rebalanceStock,
  releaseItems,
  reserveItems,
  reserveStock,
  restockItems,
  type SkuStockLevel,
  setStock,
  shardName,
  stockLevel,
} from "../../workers/inventory";
import { expectBalanced, expireHolds, freshKey, sleep, stocked } from "./helpers";

const MINUTE = 60_000;

async function sharded(label: string, onHand: number, shards: number, lowStockThreshold?: number) {
  const key = freshKey(label);
  const r = await setStock(env, { key, shards }, { onHand, lowStockThreshold });
  expect(r.ok).toBe(true);
  return { key, ref: { key, shards } };
}

async function audits(key: string, shards: number) {
  const results = await Promise.all(Array.from({ length: shards }, (_, s) => inventoryStub(env, key, s).audit()));
  for (const a of results) expect(a.problems).toEqual([]);
  return {
    liveHolds: results.reduce((n, a) => n + a.liveHolds, 0),
    liveHeldUnits: results.reduce((n, a) => n + a.liveHeldUnits, 0),
  };
}

describe("keys", () => {
  it("names products, variants and shards", () => {
    expect(inventoryKey("prd_1")).toBe("p:prd_1");
    expect(inventoryKey("prd_1", "var_2")).toBe("p:prd_1:v:var_2");
    expect(inventoryKey("prd_1", null)).toBe("p:prd_1");
    expect(() => inventoryKey("prd_1", "v#2")).toThrow();
    expect(() => inventoryKey("prd#1")).toThrow();
    expect(shardName("p:prd_1", 0)).toBe("p:prd_1");
    expect(shardName("p:prd_1", 3)).toBe("p:prd_1#3");
    expect(homeShard("any", 1)).toBe(0);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) counts[homeShard(`res_${i}`, 4)] += 1;
    for (const c of counts) expect(c).toBeGreaterThan(150);
  });
});

describe("reserveItems: all or nothing across SKUs", () => {
  it("one short SKU out of 3: nothing stays reserved on the others, and the same id works once stock arrives", async () => {
    const a = await stocked("aon-a", 10);
    const b = await stocked("aon-b", 10);
    const c = await stocked("aon-c", 2);
    const items = [
      { key: a.key, quantity: 3 },
      { key: b.key, quantity: 4 },
      { key: c.key, quantity: 5 },
    ];
    const refused = await reserveItems(env, "order-1", items, 15 * MINUTE);
    expect(refused).toEqual({
      ok: false,
      code: "insufficient_stock",
      items: [{ key: c.key, requested: 5, available: 2 }],
    });
    for (const { s } of [a, b, c]) {
      const level = await s.level();
      expect(level.reserved).toBe(0);
      expect(await s.reservation("order-1")).toBeNull();
      expect((await s.audit()).liveHolds).toBe(0);
    }

    await c.s.restock({ restockId: "delivery", quantity: 3 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await reserveItems(env, "order-1", items, 15 * MINUTE));
    for (const r of results) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.items.map((i) => i.quantity)).toEqual([3, 4, 5]);
    }
    expect((await a.s.level()).reserved).toBe(3);
    expect((await b.s.level()).reserved).toBe(4);
    expect((await c.s.level()).available).toBe(0);

    const commits = [];
    for (let i = 0; i < 5; i++) commits.push(await commitItems(env, "order-1", items));
    for (const r of commits) expect(r.ok).toBe(true);
    expect(await a.s.level()).toMatchObject({ reserved: 0, sold: 3, onHand: 7 });
    expect(await c.s.level()).toMatchObject({ reserved: 0, sold: 5, onHand: 0 });
    expect(await releaseItems(env, "order-1", items)).toMatchObject({ ok: false, code: "reservation_committed" });

    // A return after commit puts the units back once.
    for (let i = 0; i < 3; i++) await restockItems(env, "return:order-1", [{ key: c.key, quantity: 5 }]);
    const level = await c.s.level();
    expect(level).toMatchObject({ onHand: 5, available: 5, sold: 5, received: 10 });
    expectBalanced(level, 10);
  });

  it("lines of the same SKU are added up before they are checked", async () => {
    const a = await stocked("dup", 10);
    const r = await reserveItems(
      env,
      "dup-1",
      [
        { key: a.key, quantity: 6 },
        { key: a.key, quantity: 6 },
      ],
      MINUTE,
    );
    expect(r).toMatchObject({ ok: false, code: "insufficient_stock", items: [{ key: a.key, requested: 12 }] });
    expect((await a.s.level()).reserved).toBe(0);
  });

  it("rejects malformed input as a value", async () => {
    expect(await reserveItems(env, "x", [], MINUTE)).toMatchObject({ ok: false, code: "invalid_argument" });
    expect(await reserveItems(env, "x", [{ key: "k#1", quantity: 1 }], MINUTE)).toMatchObject({
      code: "invalid_argument",
    });
    expect(await reserveItems(env, "x", [{ key: "k", quantity: -1 }], MINUTE)).toMatchObject({
      code: "invalid_argument",
    });
    expect(await reserveItems(env, "x", [{ key: "k", quantity: 1, shards: 0 }], MINUTE)).toMatchObject({
      code: "invalid_argument",
    });
  });

  it("release frees every SKU once and closes the id", async () => {
    const a = await stocked("rel-a", 5);
    const b = await sharded("rel-b", 8, 2);
    const items = [
      { key: a.key, quantity: 2 },
      { ...b.ref, quantity: 6 },
    ];
    expect((await reserveItems(env, "order-r", items, MINUTE)).ok).toBe(true);
    const first = await releaseItems(env, "order-r", items);
    expect(first).toEqual({
      ok: true,
      items: [
        { key: a.key, released: 2 },
        { key: b.key, released: 6 },
      ],
    });
    for (let i = 0; i < 4; i++) {
      expect(await releaseItems(env, "order-r", items)).toMatchObject({
        ok: true,
        items: [{ released: 0 }, { released: 0 }],
      });
    }
    expect((await a.s.level()).available).toBe(5);
    expect((await stockLevel(env, b.ref)).available).toBe(8);
    expect(await reserveItems(env, "order-r", items, MINUTE)).toMatchObject({
      ok: false,
      code: "reservation_released",
    });
    expect(await commitItems(env, "order-r", items)).toMatchObject({ ok: false, code: "reservation_released" });
  });

  it("a commit spanning several SKUs sells nothing unless every hold can be sold", async () => {
    const a = await stocked("commit-a", 5);
    const b = await stocked("commit-b", 2);
    const items = [
      { key: a.key, quantity: 2 },
      { key: b.key, quantity: 2 },
    ];
    expect((await reserveItems(env, "late-order", items, MINUTE)).ok).toBe(true);
    await expireHolds(a.s, "late-order");
    await expireHolds(b.s, "late-order");
    // Both holds lapsed; B's units go to someone else meanwhile.
    expect((await b.s.reserve({ reservationId: "other", quantity: 1, ttlMs: MINUTE })).ok).toBe(true);
    const refused = await commitItems(env, "late-order", items);
    expect(refused).toMatchObject({
      ok: false,
      code: "reservation_expired",
      items: [{ key: b.key, code: "reservation_expired", available: 1 }],
    });
    expect(await a.s.level()).toMatchObject({ sold: 0, onHand: 5 });
    expect(await b.s.level()).toMatchObject({ sold: 0, onHand: 2 });

    // Once B's stock is free again, the late payment can still be honoured.
    await b.s.release("other");
    const late = await commitItems(env, "late-order", items);
    expect(late).toMatchObject({ ok: true });
    expect(await a.s.level()).toMatchObject({ sold: 2, onHand: 3, reserved: 0 });
    expect(await b.s.level()).toMatchObject({ sold: 2, onHand: 0, reserved: 0 });
  });
});

describe("sharded SKUs", () => {
  it("4 shards, 300 concurrent single-unit reservations over 100 units: exactly 100 succeed", async () => {
    const { key, ref } = await sharded("hot", 100, 4);
    const perShard = await Promise.all([0, 1, 2, 3].map((s) => inventoryStub(env, key, s).level()));
    expect(perShard.map((l) => l.onHand)).toEqual([25, 25, 25, 25]);

    const seen: SkuStockLevel[] = [];
    const reservations = Array.from({ length: 300 }, (_, i) =>
      reserveStock(env, { ...ref, reservationId: `flash-${i}`, quantity: 1, ttlMs: 15 * MINUTE }),
    );
    const watchers = Array.from({ length: 30 }, async (_, i) => {
      await sleep(i);
      seen.push(await stockLevel(env, ref));
    });
    const [results] = await Promise.all([Promise.all(reservations), Promise.all(watchers)]);

    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(100);
    expect(results.filter((r) => !r.ok && r.code === "insufficient_stock")).toHaveLength(200);
    for (const level of seen) expectBalanced(level, 100);

    const level = await stockLevel(env, ref);
    expect(level).toMatchObject({ onHand: 100, reserved: 100, available: 0, sold: 0, received: 100 });
    const counted = await audits(key, 4);
    expect(counted).toEqual({ liveHolds: 100, liveHeldUnits: 100 });
    // Every winner's units sit where its allocation says.
    for (const r of ok) {
      if (!r.ok) continue;
      expect(r.allocations.reduce((n, a) => n + a.quantity, 0)).toBe(1);
      const [{ shard }] = r.allocations;
      const view = await inventoryStub(env, key, shard).reservation(`flash-${results.indexOf(r)}`);
      expect(view).toMatchObject({ status: "held", quantity: 1 });
    }
  });

  it("unbalanced shards: reservations whose home shard runs dry fall back to the others, still exactly 100", async () => {
    const { key, ref } = await sharded("skew", 100, 4);
    for (const s of [1, 2, 3]) {
      expect((await inventoryStub(env, key, s).adjust({ adjustmentId: "skew", delta: -24 })).ok).toBe(true);
    }
    expect((await inventoryStub(env, key, 0).adjust({ adjustmentId: "skew", delta: 72 })).ok).toBe(true);
    const perShard = await Promise.all([0, 1, 2, 3].map((s) => inventoryStub(env, key, s).level()));
    expect(perShard.map((l) => l.available)).toEqual([97, 1, 1, 1]);

    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        reserveStock(env, { ...ref, reservationId: `skew-${i}`, quantity: 1, ttlMs: 15 * MINUTE }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(100);
    const fellBack = results.filter((r, i) => r.ok && r.allocations[0].shard !== homeShard(`skew-${i}`, 4));
    expect(fellBack.length).toBeGreaterThan(0);
    expect(await stockLevel(env, ref)).toMatchObject({ onHand: 100, reserved: 100, available: 0 });
    // No part is left behind by the refused ones (their zero-unit markers were dropped too).
    expect(await audits(key, 4)).toEqual({ liveHolds: 100, liveHeldUnits: 100 });
  });

  it("a reservation larger than any one shard is split across shards, replays meet the same parts", async () => {
    const { key, ref } = await sharded("split", 40, 4);
    const first = await reserveStock(env, { ...ref, reservationId: "big", quantity: 25, ttlMs: MINUTE });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.allocations.reduce((n, a) => n + a.quantity, 0)).toBe(25);
    expect(first.allocations.length).toBe(3);
    expect(first.allocations[0].shard).toBe(homeShard("big", 4));

    for (let i = 0; i < 5; i++) {
      const again = await reserveStock(env, { ...ref, reservationId: "big", quantity: 25, ttlMs: MINUTE });
      expect(again).toMatchObject({ ok: true, replayed: true, allocations: first.allocations });
    }
    expect(await stockLevel(env, ref)).toMatchObject({ reserved: 25, available: 15 });

    // More than the whole SKU has: refused with the SKU's total, nothing held.
    const tooBig = await reserveStock(env, { ...ref, reservationId: "huge", quantity: 16, ttlMs: MINUTE });
    expect(tooBig).toEqual({ ok: false, code: "insufficient_stock", key, requested: 16, available: 15 });
    expect(await audits(key, 4)).toMatchObject({ liveHeldUnits: 25 });

    const committed = await commitItems(env, "big", [ref]);
    expect(committed).toEqual({ ok: true, items: [{ key, quantity: 25, revived: false }] });
    const level = await stockLevel(env, ref);
    expect(level).toMatchObject({ onHand: 15, reserved: 0, available: 15, sold: 25, received: 40 });
    expectBalanced(level, 40);
  });

  it("an order mixing a sharded and an unsharded SKU is all or nothing too", async () => {
    const hot = await sharded("mix-hot", 12, 3);
    const plain = await stocked("mix-plain", 1);
    const refused = await reserveItems(
      env,
      "mix-1",
      [
        { ...hot.ref, quantity: 10 },
        { key: plain.key, quantity: 2 },
      ],
      MINUTE,
    );
    expect(refused).toMatchObject({ ok: false, code: "insufficient_stock", items: [{ key: plain.key }] });
    expect(await stockLevel(env, hot.ref)).toMatchObject({ reserved: 0, available: 12 });
    expect(await audits(hot.key, 3)).toEqual({ liveHolds: 0, liveHeldUnits: 0 });
  });

  it("setStock keeps each shard's holds, spreads the rest and splits the low-stock threshold", async () => {
    const { key, ref } = await sharded("set", 20, 4, 8);
    const r = await reserveStock(env, { ...ref, reservationId: "keep", quantity: 5, ttlMs: MINUTE });
    expect(r.ok).toBe(true);
    expect(await setStock(env, ref, { onHand: 4 })).toMatchObject({ ok: false, code: "below_reserved", reserved: 5 });
    const set = await setStock(env, ref, { onHand: 9 });
    expect(set.ok && set.level).toMatchObject({ onHand: 9, reserved: 5, available: 4, lowStockThreshold: 8 });
    const shards = await Promise.all([0, 1, 2, 3].map((s) => inventoryStub(env, key, s).level()));
    expect(shards.map((l) => l.available)).toEqual([1, 1, 1, 1]);
    expect(shards.map((l) => l.lowStockThreshold)).toEqual([2, 2, 2, 2]);
  });

  it("rebalancing moves only free stock, and can empty shards before the count is lowered", async () => {
    const { key, ref } = await sharded("rebal", 16, 4);
    // Drain shard 1 with a hold, leave the others.
    const heavy = await inventoryStub(env, key, 1).reserve({ reservationId: "h", quantity: 4, ttlMs: MINUTE });
    expect(heavy.ok).toBe(true);
    const even = await rebalanceStock(env, key, { from: 4 });
    expect(even.level).toMatchObject({ onHand: 16, reserved: 4, available: 12 });
    const levels = await Promise.all([0, 1, 2, 3].map((s) => inventoryStub(env, key, s).level()));
    expect(levels.map((l) => l.available)).toEqual([3, 3, 3, 3]);

    const shrink = await rebalanceStock(env, key, { from: 4, to: 2 });
    expect(shrink.level).toMatchObject({ onHand: 16, reserved: 4, available: 12, received: 16 });
    const after = await Promise.all([0, 1, 2, 3].map((s) => inventoryStub(env, key, s).level()));
    expect(after.map((l) => l.available)).toEqual([6, 6, 0, 0]);
    expect(after[1].reserved).toBe(4);
    await audits(key, 4);
    expect(await stockLevel(env, ref)).toMatchObject({ available: 12, reserved: 4 });
  });

  it("a sharded SKU raises one low-stock event per shard it is split across, each once", async () => {
    const { key, ref } = await sharded("hot-low", 20, 2, 6);
    for (let i = 0; i < 20; i++) {
      expect((await reserveStock(env, { ...ref, reservationId: `low-${i}`, quantity: 1, ttlMs: MINUTE })).ok).toBe(
        true,
      );
    }
    const events = await Promise.all([0, 1].map((s) => inventoryStub(env, key, s).events()));
    expect(events.map((e) => e.length)).toEqual([1, 1]);
    expect(events[0][0].data).toMatchObject({ sku: key, shard: 0, shards: 2, threshold: 3 });
    expect(events[1][0].data).toMatchObject({ sku: key, shard: 1, shards: 2, threshold: 3 });
  });
});
