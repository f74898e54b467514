import { placement } from "../platform/placement";
/** The most shards one SKU may be split into. */
export const MAX_SHARDS = 1024;

/**
 * The inventory key of a product without variants (`p:<productId>`), or of one variant of it
 * (`p:<productId>:v:<variantId>`): the name of its `Inventory` object. The same names the catalog
 * uses (workers/catalog/stock.ts), so stock set there is the stock reserved here. Ids are opaque
 * but must not contain `#`, the shard separator.
 */
export function inventoryKey(productId: string, variantId?: string | null): string {
  if (!productId || productId.includes("#")) {
    throw new RangeError(`invalid product id for an inventory key: ${JSON.stringify(productId)}`);
  }
  if (variantId === undefined || variantId === null || variantId === "") return `p:${productId}`;
  if (variantId.includes("#"))
    throw new RangeError(`invalid variant id for an inventory key: ${JSON.stringify(variantId)}`);
  return `p:${productId}:v:${variantId}`;
}

/**
 * The object name of one shard. Shard 0 is the key itself, so an unsharded SKU is simply "shard 0
 * of 1" and splitting it later keeps its existing object, holds and history; shards 1..N-1 are
 * `<key>#1` .. `<key>#<N-1>`.
 */
export function shardName(key: string, shard: number): string {
  return shard === 0 ? key : `${key}#${shard}`;
}

/** The RPC stub of one shard (0 for an unsharded SKU), through the `INVENTORY` binding. */
export function inventoryStub(env: Env, key: string, shard = 0) {
  return env.INVENTORY.getByName(shardName(key, shard), placement(env));
}

/** The shard a reservation tries first: a hash of its id, so replays and retries go to the same place. */
export function homeShard(reservationId: string, shards: number): number {
  if (shards <= 1) return 0;
  // FNV-1a, 32 bit.
  let hash = 0x811c9dc5;
  for (let i = 0; i < reservationId.length; i++) {
    hash ^= reservationId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** Every shard in the order a reservation visits them: its home shard, then the next ones round the ring. */
export function shardOrder(reservationId: string, shards: number): number[] {
  const home = homeShard(reservationId, shards);
  return Array.from({ length: shards }, (_, i) => (home + i) % shards);
}

export function isShardCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_SHARDS;
}
