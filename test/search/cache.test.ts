import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { database } from "../../workers/platform/db";
import { LruCache } from "../../workers/platform/lru";
import { bumpSearchGeneration, versionedKey } from "../../workers/search/cache";

describe("the search answer cache", () => {
  it("keeps the most recently used entries, each for its time to live at most (platform/lru.ts)", () => {
    const ttl = 5_000;
    const cache = new LruCache<number>(2, ttl);
    cache.set("a", 1, 0);
    cache.set("b", 2, 0);
    expect(cache.get("a", 1)).toBe(1);
    cache.set("c", 3, 1);
    // "b" was the least recently used: it made room for "c".
    expect(cache.get("b", 2)).toBeUndefined();
    expect(cache.get("a", 2)).toBe(1);
    expect(cache.get("c", ttl + 1)).toBe(3);
    expect(cache.get("c", ttl + 2)).toBeUndefined();
  });

  it("every index write moves the search generation, so an answer cached before it is not reused", async () => {
    const db = database(env);
    const generation = async () => (JSON.parse(await versionedKey(env, "q")) as number[])[0];
    const before = await generation();
    await db.batch([bumpSearchGeneration(db)]);
    expect(await generation()).toBeGreaterThan(before);
  });
});
