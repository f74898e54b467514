import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { guestCartName } from "../../workers/cart";
import { FixedWindow, type Take } from "../../workers/platform/limiter/fixed-window";
import { SlotLeases } from "../../workers/platform/limiter/slot-leases";
import { expectLimited, uniqueIp, withVars } from "../platform/limits";
import { advanceTime } from "../support/clock";
import { type Cart, expectJson, newProduct } from "./helpers";

// A cart addition's per-account slot of WRITE_LIMIT_CART is taken by the buyer's Cart object in the
// same call as the add (workers/cart/object/shopper-cart.ts); its per-IP slot from the slots this
// isolate leased from the IP's RateLimiter (workers/platform/limiter/slot-leases.ts). Both exact:
// racing additions never pass either limit.

const WINDOW = 600;

const addWindow = async (token: string) =>
  runInDurableObject(env.CART.getByName(await guestCartName(token)), (_, state) =>
    state.storage.kv.get<{ count: number; endsAt: number }>("add-limit"),
  );

function adder(vars: string, ip: string) {
  const call = withVars({ WRITE_LIMIT_CART: vars });
  return (productId: string, cartToken?: string) =>
    call("POST", "/api/v1/cart/items", { cartToken, ip, body: { productId, quantity: 1 } });
}

/** A guest cart of one unit, made by a first add without a token (no account slot: a new guest has none). */
async function newGuestCart(add: ReturnType<typeof adder>, productId: string): Promise<string> {
  const first = await add(productId);
  expect(first.status).toBe(200);
  return first.headers.get("X-Cart-Token")!;
}

describe("the cart-addition limit, taken with the Cart's add", () => {
  it("20 racing adds to one cart, limit 5 per account: exactly 5 are added, 15 are 429 and change nothing", async () => {
    const product = await newProduct({ stock: 50 });
    const add = adder(`5,1000,${WINDOW}`, uniqueIp());
    const cartToken = await newGuestCart(add, product.id);

    const answers = await Promise.all(Array.from({ length: 20 }, () => add(product.id, cartToken)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    for (const res of answers.filter((r) => r.status === 429)) await expectLimited(res, WINDOW);
    expect((await addWindow(cartToken))?.count).toBe(5);
    const cart = await expectJson<Cart>(await withVars({})("GET", "/api/v1/cart", { cartToken }), 200);
    expect(cart.items.map((i) => i.quantity)).toEqual([6]);

    // The window ends: the next add goes.
    advanceTime(WINDOW * 1000);
    expect((await add(product.id, cartToken)).status).toBe(200);
  });

  it("an add the account refuses gives its network slot back", async () => {
    const product = await newProduct({ stock: 50 });
    const add = adder(`2,4,${WINDOW}`, uniqueIp());
    const cartToken = await newGuestCart(add, product.id); // the network's 1st
    expect((await add(product.id, cartToken)).status).toBe(200); // 2nd (account 1)
    expect((await add(product.id, cartToken)).status).toBe(200); // 3rd (account 2)
    await expectLimited(await add(product.id, cartToken), WINDOW); // refused by the account: the 4th given back
    expect((await add(product.id)).status).toBe(200); // a new guest on the same network: the 4th
    await expectLimited(await add(product.id), WINDOW, "this network");
  });

  it("20 racing new guests on one network, limit 5 per IP: exactly 5 carts are made", async () => {
    const product = await newProduct({ stock: 50 });
    const add = adder(`1000,5,${WINDOW}`, uniqueIp());
    const answers = await Promise.all(Array.from({ length: 20 }, () => add(product.id)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    for (const res of answers.filter((r) => r.status === 429)) await expectLimited(res, WINDOW, "this network");
  });

  it("a guest cart wiped at sign-in keeps its running addition window", async () => {
    const product = await newProduct({ stock: 50 });
    const add = adder(`2,1000,${WINDOW}`, uniqueIp());
    const cartToken = await newGuestCart(add, product.id);
    expect((await add(product.id, cartToken)).status).toBe(200);
    await env.CART.getByName(await guestCartName(cartToken)).destroy();
    expect((await addWindow(cartToken))?.count).toBe(1);
    expect((await add(product.id, cartToken)).status).toBe(200);
    await expectLimited(await add(product.id, cartToken), WINDOW);
  });
});

describe("slots leased to the isolate", () => {
  it("1,000 takes of one key, 20 at a time, limit 800, leases of up to 16: exactly 800 taken, most without a call", async () => {
    const counted = new FixedWindow(new MemoryStorage() as unknown as DurableObjectStorage);
    const leases = new SlotLeases({ heldBy: "isolate", leaseSize: (limit) => Math.min(16, Math.floor(limit / 50)) });
    let asks = 0;
    // A RateLimiter's lease, answered after a turn of the event loop as an RPC would be.
    const ask = async (want: number) => {
      asks += 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return counted.lease(800, WINDOW, want);
    };
    const key = `test:${crypto.randomUUID()}`;
    const takes: Take[] = [];
    for (let wave = 0; wave < 50; wave += 1) {
      takes.push(...(await Promise.all(Array.from({ length: 20 }, () => leases.take(key, 800, ask)))));
    }
    expect(takes.filter((t) => t.ok)).toHaveLength(800);
    expect(takes.filter((t) => !t.ok)).toHaveLength(200);
    // A wave's misses each ask for a lease (none waits on another's call); the surplus serves the next waves.
    expect(asks).toBeLessThan(120);
  });

  it("1,000 racing takes of one key, limit 800: exactly 800 taken, each take's call its own", async () => {
    const counted = new FixedWindow(new MemoryStorage() as unknown as DurableObjectStorage);
    const leases = new SlotLeases({ heldBy: "isolate", leaseSize: (limit) => Math.min(16, Math.floor(limit / 50)) });
    const ask = async (want: number) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return counted.lease(800, WINDOW, want);
    };
    const key = `test:${crypto.randomUUID()}`;
    const takes = await Promise.all(Array.from({ length: 1_000 }, () => leases.take(key, 800, ask)));
    expect(takes.filter((t) => t.ok)).toHaveLength(800);
    expect(takes.filter((t) => !t.ok)).toHaveLength(200);
  });

  it("a take never waits on another request's call: one that never lands (its request cancelled) delays the next take, never hangs it", async () => {
    const counted = new FixedWindow(new MemoryStorage() as unknown as DurableObjectStorage);
    const leases = new SlotLeases({ heldBy: "isolate", leaseSize: () => 4 });
    const key = `test:${crypto.randomUUID()}`;
    // The first request's call is cut off with its request: its promise never settles.
    const stranded = leases.take(key, 100, () => new Promise<never>(() => {}));
    expect(stranded).toBeInstanceOf(Promise);
    const startedAt = Date.now();
    const next = await leases.take(key, 100, async (want) => counted.lease(100, WINDOW, want));
    expect(next.ok).toBe(true);
    // It waited a little for the first call to land, then asked for itself.
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    // The takes after it ask for themselves too while the stranded call is not trusted any more.
    const third = await leases.take(key, 100, async (want) => counted.lease(100, WINDOW, want));
    expect(third.ok).toBe(true);
    expect(await Promise.race([stranded, "still waiting"])).toBe("still waiting");
  });
});

/** The synchronous KV of a SQLite-backed object, in memory (FixedWindow uses `kv` and nothing else here). */
class MemoryStorage {
  private readonly map = new Map<string, unknown>();
  readonly kv = {
    get: (key: string) => this.map.get(key),
    put: (key: string, value: unknown) => void this.map.set(key, value),
    delete: (key: string) => this.map.delete(key),
  };
  setAlarm(): Promise<void> {
    return Promise.resolve();
  }
}
