import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Inventory } from "../../durable-objects/inventory";
import { INVENTORY_LOW, RETENTION_MS, type StockLevel } from "../../workers/inventory/object/types";
import { alarmUntil, expectBalanced, expireHolds, freshKey, holdAlarm, stocked, storedStatus, stub } from "./helpers";

const MINUTE = 60_000;

describe("Inventory object: the race", () => {
  it("200 concurrent reservations of 1 unit against 50 units: exactly 50 succeed, the books balance throughout", async () => {
    const { s } = await stocked("race", 50);
    const levels: StockLevel[] = [];
    const tasks = Array.from({ length: 200 }, async (_, i) => {
      const r = await s.reserve({ reservationId: `order-${i}`, quantity: 1, ttlMs: 15 * MINUTE });
      // Sell half of the winners while the race is still running.
      if (r.ok && i % 2 === 0) expect((await s.commit(`order-${i}`)).ok).toBe(true);
      return r;
    });
    const watchers = Array.from({ length: 40 }, async () => {
      levels.push(await s.level());
      const audit = await s.audit();
      expect(audit.problems).toEqual([]);
      levels.push(audit.level);
    });
    const [outcomes] = await Promise.all([Promise.all(tasks), Promise.all(watchers)]);

    expect(outcomes.filter((r) => r.ok)).toHaveLength(50);
    const refused = outcomes.filter((r) => !r.ok);
    expect(refused).toHaveLength(150);
    for (const r of refused) expect(r.ok === false && r.code).toBe("insufficient_stock");

    expect(levels.length).toBe(80);
    for (const level of levels) expectBalanced(level, 50);

    const after = await s.level();
    expectBalanced(after, 50);
    expect(after.available).toBe(0);
    expect(after.onHand).toBe(after.reserved);
    expect(after.sold + after.reserved).toBe(50);
    expect((await s.audit()).ok).toBe(true);
  });
});

describe("Inventory object: idempotency", () => {
  it("reserve, commit and release replayed 5 times change the stock once", async () => {
    const { s } = await stocked("idem", 10);
    const reserves = [];
    for (let i = 0; i < 5; i++) reserves.push(await s.reserve({ reservationId: "r1", quantity: 3, ttlMs: MINUTE }));
    expect(reserves.every((r) => r.ok)).toBe(true);
    expect(reserves.map((r) => r.ok && r.replayed)).toEqual([false, true, true, true, true]);
    expect(await s.level()).toMatchObject({ onHand: 10, reserved: 3, available: 7, sold: 0 });

    // Concurrent replays too.
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => s.reserve({ reservationId: "r1", quantity: 3, ttlMs: MINUTE })),
    );
    expect(concurrent.every((r) => r.ok && r.replayed)).toBe(true);

    const commits = [];
    for (let i = 0; i < 5; i++) commits.push(await s.commit("r1"));
    expect(commits.map((c) => c.ok && c.replayed)).toEqual([false, true, true, true, true]);
    expect(await s.level()).toMatchObject({ onHand: 7, reserved: 0, available: 7, sold: 3, received: 10 });

    // A committed reservation answers a replayed reserve as committed, and is never released.
    const again = await s.reserve({ reservationId: "r1", quantity: 3, ttlMs: MINUTE });
    expect(again).toMatchObject({ ok: true, status: "committed", replayed: true });
    expect(await s.release("r1")).toMatchObject({ ok: false, code: "reservation_committed" });

    await s.reserve({ reservationId: "r2", quantity: 2, ttlMs: MINUTE });
    const releases = [];
    for (let i = 0; i < 5; i++) releases.push(await s.release("r2"));
    expect(releases.map((r) => r.ok && r.released)).toEqual([2, 0, 0, 0, 0]);
    expect(releases.slice(1).every((r) => r.ok && r.replayed)).toBe(true);
    expect(await s.level()).toMatchObject({ onHand: 7, reserved: 0, available: 7, sold: 3 });

    // A released id stays closed: a late reserve or commit cannot bring it back.
    expect(await s.reserve({ reservationId: "r2", quantity: 2, ttlMs: MINUTE })).toMatchObject({
      ok: false,
      code: "reservation_released",
    });
    expect(await s.commit("r2")).toMatchObject({ ok: false, code: "reservation_released" });

    const restocks = [];
    for (let i = 0; i < 5; i++) restocks.push(await s.restock({ restockId: "return-1", quantity: 2 }));
    expect(restocks.map((r) => r.ok && r.replayed)).toEqual([false, true, true, true, true]);
    const level = await s.level();
    expect(level).toMatchObject({ onHand: 9, available: 9, sold: 3, received: 12 });
    expectBalanced(level, 12);
    expect((await s.audit()).ok).toBe(true);
  });

  it("refuses a replay with another quantity, and unknown or malformed input, as values", async () => {
    const { s } = await stocked("mismatch", 10);
    await s.reserve({ reservationId: "m1", quantity: 2, ttlMs: MINUTE });
    expect(await s.reserve({ reservationId: "m1", quantity: 5, ttlMs: MINUTE })).toMatchObject({
      ok: false,
      code: "reservation_mismatch",
      requested: 2,
    });
    expect(await s.commit("nope")).toMatchObject({ ok: false, code: "reservation_not_found" });
    expect(await s.release("nope")).toMatchObject({ ok: true, status: "not_found", released: 0 });
    expect(await s.reserve({ reservationId: "x", quantity: 0, ttlMs: MINUTE })).toMatchObject({
      ok: false,
      code: "invalid_argument",
    });
    expect(await s.reserve({ reservationId: "", quantity: 1, ttlMs: MINUTE })).toMatchObject({
      code: "invalid_argument",
    });
    expect(await s.reserve({ reservationId: "x", quantity: 1.5, ttlMs: MINUTE })).toMatchObject({
      code: "invalid_argument",
    });
    expect(await s.restock({ restockId: "r", quantity: -1 })).toMatchObject({ code: "invalid_argument" });
    expect(await s.restock({ restockId: "same", quantity: 1 })).toMatchObject({ ok: true });
    expect(await s.restock({ restockId: "same", quantity: 4 })).toMatchObject({
      ok: false,
      code: "adjustment_mismatch",
    });
    expect((await s.audit()).ok).toBe(true);
  });

  it("a refused reservation leaves no trace, so the same id can succeed once stock arrives", async () => {
    const { s } = await stocked("retry", 1);
    expect(await s.reserve({ reservationId: "late", quantity: 2, ttlMs: MINUTE })).toMatchObject({
      ok: false,
      code: "insufficient_stock",
      available: 1,
    });
    await s.restock({ restockId: "delivery", quantity: 1 });
    expect(await s.reserve({ reservationId: "late", quantity: 2, ttlMs: MINUTE })).toMatchObject({
      ok: true,
      replayed: false,
    });
  });
});

describe("Inventory object: on-hand changes", () => {
  it("setOnHand is a stock-take; it is refused below what live holds take", async () => {
    const { s } = await stocked("onhand", 10);
    await s.reserve({ reservationId: "h", quantity: 4, ttlMs: MINUTE });
    expect(await s.setOnHand(3)).toMatchObject({ ok: false, code: "below_reserved", reserved: 4 });
    const lower = await s.setOnHand(4);
    expect(lower.ok && lower.level).toMatchObject({ onHand: 4, reserved: 4, available: 0, received: 4 });
    const higher = await s.setOnHand(20);
    expect(higher.ok && higher.level).toMatchObject({ onHand: 20, available: 16, received: 20 });
    expect(await s.commit("h")).toMatchObject({ ok: true, quantity: 4 });
    const level = await s.level();
    expect(level).toMatchObject({ onHand: 16, sold: 4, received: 20 });
    expectBalanced(level, 20);
  });
});

describe("Inventory object: expiry and alarms", () => {
  it("an expired hold is not counted before the alarm; the alarm closes it; running it twice changes nothing", async () => {
    const { s } = await stocked("expiry", 10);
    await s.reserve({ reservationId: "long", quantity: 2, ttlMs: 30 * MINUTE });
    await s.reserve({ reservationId: "short", quantity: 3, ttlMs: MINUTE });
    await holdAlarm(s);
    expect(await s.level()).toMatchObject({ reserved: 5, available: 5 });

    await expireHolds(s, "short");
    // Past its expiry, not yet swept: already not counted.
    expect(await storedStatus(s, "short")).toBe("held");
    const before = await s.level();
    expect(before).toMatchObject({ onHand: 10, reserved: 2, available: 8, sold: 0 });
    expect((await s.reservation("short"))?.status).toBe("expired");

    expect(await runDurableObjectAlarm(s)).toBe(true);
    expect(await storedStatus(s, "short")).toBe("expired");
    const afterAlarm = await s.level();
    expect(afterAlarm).toEqual(before);

    // At-least-once alarms: a second and third run change nothing.
    await runInDurableObject(s, (instance: Inventory) => instance.alarm());
    await runInDurableObject(s, (instance: Inventory) => instance.alarm());
    expect(await s.level()).toEqual(before);
    expect(await s.audit()).toMatchObject({ ok: true, liveHolds: 1, liveHeldUnits: 2 });

    // The next alarm is the long hold's expiry.
    const next = await runInDurableObject(s, (_i: Inventory, state) => state.storage.getAlarm());
    const long = await s.reservation("long");
    expect(next).toBe(long?.expiresAt);
  });

  it("committing an expired hold sells it only if the stock is still free", async () => {
    const { s } = await stocked("late-commit", 5);
    await s.reserve({ reservationId: "a", quantity: 3, ttlMs: MINUTE });
    await s.reserve({ reservationId: "b", quantity: 2, ttlMs: MINUTE });
    await expireHolds(s, "a", "b");
    // Someone else takes 3 of the 5 freed units.
    expect(await s.reserve({ reservationId: "c", quantity: 3, ttlMs: MINUTE })).toMatchObject({ ok: true });
    expect(await s.commit("a")).toMatchObject({ ok: false, code: "reservation_expired", requested: 3, available: 2 });
    expect(await s.commit("b")).toMatchObject({ ok: true, revived: true, quantity: 2 });
    expect(await s.level()).toMatchObject({ onHand: 3, reserved: 3, available: 0, sold: 2, received: 5 });
    // renew revives an expired hold the same way, and a released hold never.
    expect(await s.renew({ reservationId: "a", ttlMs: MINUTE })).toMatchObject({
      ok: false,
      code: "reservation_expired",
    });
    expect(await s.release("a")).toMatchObject({ ok: true, status: "released" });
    expect(await s.commit("a")).toMatchObject({ ok: false, code: "reservation_released" });
    expect((await s.audit()).ok).toBe(true);
  });

  it("an evicted object comes back with its stock, holds and alarm", async () => {
    const { s, key } = await stocked("evict", 8, 2);
    await s.reserve({ reservationId: "e1", quantity: 3, ttlMs: 10 * MINUTE });
    await s.commit((await s.reserve({ reservationId: "e2", quantity: 1, ttlMs: MINUTE })).ok ? "e2" : "x");
    const before = await s.level();
    const alarmBefore = await runInDurableObject(s, (_i: Inventory, state) => state.storage.getAlarm());

    await evictDurableObject(s);
    const again = stub(key);
    expect(await again.level()).toEqual(before);
    expect(await again.reservation("e1")).toMatchObject({ status: "held", quantity: 3 });
    expect(await runInDurableObject(again, (_i: Inventory, state) => state.storage.getAlarm())).toBe(alarmBefore);
    expect(await again.reserve({ reservationId: "e1", quantity: 3, ttlMs: MINUTE })).toMatchObject({
      ok: true,
      replayed: true,
    });
    expect((await again.audit()).ok).toBe(true);
  });
});

describe("Inventory object: retention", () => {
  it("names itself after its object until configured, and forgets closed rows after the retention window", async () => {
    const key = freshKey("retention");
    const s = stub(key);
    expect((await s.level()).sku).toBe(key);
    await s.setOnHand(5);
    await s.reserve({ reservationId: "old", quantity: 1, ttlMs: MINUTE });
    await s.commit("old");
    await s.restock({ restockId: "old-return", quantity: 1 });
    // Age the closed rows past the retention window.
    await runInDurableObject(s, (_i: Inventory, state) => {
      const longAgo = Date.now() - RETENTION_MS - 1;
      state.storage.sql.exec("UPDATE inv_holds SET updated_at = ?", longAgo);
      state.storage.sql.exec("UPDATE inv_adjustments SET at = ?", longAgo);
    });
    await runInDurableObject(s, (instance: Inventory) => instance.alarm());
    expect(await s.reservation("old")).toBeNull();
    expect(await runInDurableObject(s, (_i: Inventory, state) => state.storage.getAlarm())).toBeNull();
    // The counters are untouched: forgetting rows never changes the stock.
    expect(await s.level()).toMatchObject({ onHand: 5, sold: 1, received: 6, available: 5 });
  });
});

describe("Inventory object: low-stock events", () => {
  it("crossing below the threshold queues exactly one inventory.low, delivered by the alarm", async () => {
    const { s, key } = await stocked("low", 10, 3);
    for (let i = 0; i < 10; i++) {
      expect((await s.reserve({ reservationId: `l${i}`, quantity: 1, ttlMs: MINUTE })).ok).toBe(true);
    }
    let events = await s.events();
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe(INVENTORY_LOW);
    expect(events[0].data).toMatchObject({ sku: key, available: 2, threshold: 3, onHand: 10, reserved: 8 });

    // Holds lapsing or released do not end the low period: no second event when it drops again.
    for (let i = 0; i < 5; i++) await s.release(`l${i}`);
    for (let i = 10; i < 15; i++) await s.reserve({ reservationId: `l${i}`, quantity: 1, ttlMs: MINUTE });
    expect(await s.events()).toHaveLength(1);

    // Delivered by the alarm (which may already have run by itself: it was due at once).
    events = await alarmUntil(s, (e) => e.every((event) => event.sentAt !== null));
    expect(events).toHaveLength(1);
    expect(events[0].sentAt).not.toBeNull();
    const sentAt = events[0].sentAt;
    await runInDurableObject(s, (instance: Inventory) => instance.alarm());
    expect((await s.events())[0].sentAt).toBe(sentAt);

    // A restock back above the threshold ends the period; the next crossing is a new event.
    await s.restock({ restockId: "delivery-1", quantity: 10 });
    for (let i = 20; i < 28; i++) await s.reserve({ reservationId: `l${i}`, quantity: 1, ttlMs: MINUTE });
    events = await s.events();
    expect(events).toHaveLength(2);
    expect(events[1].data).toMatchObject({ available: 2, threshold: 3 });
  });

  it("a failed send keeps the event pending and retries it later; it is marked sent only once a send succeeded", async () => {
    const { s } = await stocked("low-retry", 5, 5);
    const swapEnv = (failing: boolean) =>
      runInDurableObject(s, (instance: Inventory) => {
        const holder = instance as unknown as { env: Env; realEnv?: Env };
        holder.realEnv ??= holder.env;
        const env = failing
          ? {
              ...holder.realEnv,
              ORDER_EVENTS: {
                sendBatch: async () => {
                  throw new Error("queue unavailable");
                },
              },
            }
          : holder.realEnv;
        Object.defineProperty(instance, "env", { value: env, configurable: true, writable: true });
      });
    await swapEnv(true);
    await s.reserve({ reservationId: "x", quantity: 1, ttlMs: MINUTE });
    // The alarm was due at once; whether it already ran by itself or runs now, the send fails.
    let events = await alarmUntil(s, (e) => e.every((event) => event.attempts > 0));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ sentAt: null, lastError: "queue unavailable" });
    expect(events[0].attempts).toBeGreaterThanOrEqual(1);
    expect(events[0].nextAttemptAt).toBeGreaterThan(events[0].createdAt);
    const alarm = await runInDurableObject(s, (_i: Inventory, state) => state.storage.getAlarm());
    expect(alarm).toBe(events[0].nextAttemptAt);

    await swapEnv(false);
    await runInDurableObject(s, (_i: Inventory, state) => {
      state.storage.sql.exec("UPDATE inv_events SET next_attempt_at = ?", Date.now() - 1);
    });
    events = await alarmUntil(s, (e) => e.every((event) => event.sentAt !== null));
    expect(events).toHaveLength(1);
    expect(events[0].attempts).toBeGreaterThanOrEqual(2);
    expect(events[0].sentAt).not.toBeNull();
    // Nothing left to deliver: the next alarm is only the hold's expiry.
    const next = await runInDurableObject(s, (_i: Inventory, state) => state.storage.getAlarm());
    expect(next).toBe((await s.reservation("x"))?.expiresAt);
  });

  it("configuring stock below the threshold announces it once", async () => {
    const key = freshKey("low-config");
    const s = stub(key);
    await s.configure({ sku: key, onHand: 2, lowStockThreshold: 5 });
    await s.configure({ onHand: 3 });
    expect(await s.events()).toHaveLength(1);
    expect((await env.INVENTORY.getByName(key).level()).lowStockThreshold).toBe(5);
  });
});
