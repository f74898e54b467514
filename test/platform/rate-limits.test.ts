import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../workers/platform/config";
import { database } from "../../workers/platform/db";
import { countWrite, leaseWrites, returnWrites, takeWrite } from "../../workers/platform/rate-limit";
import { advanceTime } from "../support/clock";

const key = (name: string, limit: number) => ({ key: `test:${name}:${crypto.randomUUID()}`, limit, who: name });
const stored = (name: string) =>
  runInDurableObject(env.RATE_LIMITER.getByName(name), (_, state) =>
    state.storage.kv.get<{ count: number; endsAt: number }>("window"),
  );

describe("the exact limiter (a RateLimiter object per key)", () => {
  it("50 concurrent takes with limit 10: exactly 10 pass", async () => {
    const k = key("race", 10);
    const results = await Promise.all(Array.from({ length: 50 }, () => takeWrite(env, [k], 60)));
    expect(results.filter((r) => r === null)).toHaveLength(10);
    for (const refusal of results.filter((r) => r !== null)) {
      expect(refusal).toMatchObject({ who: "race", limit: 10 });
      expect(Number(refusal!.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refusal!.retryAfter)).toBeLessThanOrEqual(60);
    }
    expect((await stored(k.key))?.count).toBe(10);
  });

  it("leases: concurrent leases never hand out more than the limit; the last one is partial; returns count once", async () => {
    const k = key("lease", 20);
    const leases = await Promise.all(Array.from({ length: 8 }, () => leaseWrites(env, k, 60, 3)));
    const granted = leases.map((l) => (l.ok ? l.granted : 0));
    expect(granted.reduce((a, b) => a + b, 0)).toBe(20);
    expect(granted.filter((g) => g === 2)).toHaveLength(1);
    const refused = leases.find((l) => !l.ok);
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect((await stored(k.key))?.count).toBe(20);
    // Slots given back serve the next lease; a return for another window changes nothing.
    const windowEndsAt = (await stored(k.key))!.endsAt;
    await returnWrites(env, k.key, windowEndsAt, 5);
    await returnWrites(env, k.key, windowEndsAt - 1, 5);
    expect((await stored(k.key))?.count).toBe(15);
    expect(await leaseWrites(env, k, 60, 8)).toMatchObject({ ok: true, granted: 5, windowEndsAt });
    expect(await takeWrite(env, [k], 60)).toMatchObject({ limit: 20 });
  });

  it("a new window once the old one is over; the alarm then forgets the key", async () => {
    const k = key("window", 2);
    expect(await takeWrite(env, [k], 60)).toBeNull();
    expect(await takeWrite(env, [k], 60)).toBeNull();
    expect(await takeWrite(env, [k], 60)).toMatchObject({ limit: 2 });
    advanceTime(60_000);
    expect(await takeWrite(env, [k], 60)).toBeNull();
    expect((await stored(k.key))?.count).toBe(1);
    // An early alarm (it may run twice) keeps a window that is still open.
    const stub = env.RATE_LIMITER.getByName(k.key);
    await runDurableObjectAlarm(stub);
    expect((await stored(k.key))?.count).toBe(1);
    advanceTime(60_000);
    await runDurableObjectAlarm(stub);
    await runDurableObjectAlarm(stub);
    expect(await stored(k.key)).toBeUndefined();
  });

  it("when one key refuses, the slots the others took are given back", async () => {
    const account = key("this account", 1);
    const network = key("this network", 1);
    expect(await takeWrite(env, [account, network], 60)).toBeNull();
    const otherAccount = key("this account", 1);
    expect(await takeWrite(env, [otherAccount, network], 60)).toMatchObject({ who: "this network" });
    // otherAccount's slot was returned: from another network it may still write once.
    expect((await stored(otherAccount.key))?.count).toBe(0);
    expect(await takeWrite(env, [otherAccount, key("elsewhere", 1)], 60)).toBeNull();
  });
});

describe("the approximate limiter (D1 counters)", () => {
  it("counts every key in one batch and refuses past any limit until the window is over", async () => {
    const db = database(env);
    const account = key("this account", 2);
    const network = key("this network", 100);
    expect(await countWrite(db, [account, network], 30)).toBeNull();
    expect(await countWrite(db, [account, network], 30)).toBeNull();
    const refusal = await countWrite(db, [account, network], 30);
    expect(refusal).toMatchObject({ who: "this account", limit: 2 });
    expect(Number(refusal!.retryAfter)).toBeLessThanOrEqual(30);
    const row = await env.DB.prepare("SELECT count FROM rate_counters WHERE key = ?")
      .bind(network.key)
      .first<{ count: number }>();
    expect(row?.count).toBe(3);
    advanceTime(30_000);
    expect(await countWrite(db, [account, network], 30)).toBeNull();
  });
});

describe("WRITE_LIMIT_* variables", () => {
  it("default to the production values, one per limited write", () => {
    // The secrets are always set (PII keys among them); the variables are left to their defaults.
    const config = readConfig({ ENVIRONMENT: "production", PII_ENCRYPTION_KEYS: env.PII_ENCRYPTION_KEYS } as Env);
    expect(config.writeLimits.checkout).toEqual({ perAccount: 10, perIp: 60, windowSeconds: 600 });
    expect(config.writeLimits.shop).toEqual({ perAccount: 3, perIp: 20, windowSeconds: 86_400 });
    expect(config.writeLimits.transfer).toEqual({ perAccount: 30, perIp: 200, windowSeconds: 3600 });
    expect(config.writeLimits.fxQuote).toEqual({ perAccount: 150, perIp: 600, windowSeconds: 3600 });
    expect(config.writeLimits.conversion).toEqual({ perAccount: 30, perIp: 200, windowSeconds: 3600 });
    expect(config.writeLimits.userLookup).toEqual({ perAccount: 30, perIp: 120, windowSeconds: 3600 });
    expect(Object.keys(config.writeLimits)).toHaveLength(16);
    expect(config.chat.userSendLimit).toBe(60);
  });

  it.each(["10", "10,60", "0,60,600", "10,-1,600", "10,60,600,1", "ten,60,600", "10, 60, 600"])(
    "refuse %j at start-up",
    (value) => {
      expect(() => readConfig({ ...env, WRITE_LIMIT_CHECKOUT: value } as Env)).toThrow(
        /perAccount,perIp,windowSeconds/,
      );
    },
  );
});
