export {
  COMMIT_GRACE_MS,
  type CommitItemsResult,
  commitItems,
  dropItems,
  MAX_ITEMS,
  type ReleaseItemsResult,
  type ReserveItemsResult,
  type RestockItemsResult,
  releaseItems,
  reserveItems,
  restockItems,
  type StockItem,
} from "./items";
export { homeShard, inventoryKey, inventoryStub, MAX_SHARDS, shardName, shardOrder } from "./keys";
export type { SaleClaim } from "./object/input";
export * from "./object/types";
export { type ReserveStockInput, reserveStock } from "./reserve";
export { quoteSaleUnits, returnSaleUnitsOf, saleUsageOf } from "./sales";
export {
  type Allocation,
  type ReserveStockResult,
  rebalanceStock,
  type SetStockResult,
  type SkuStockLevel,
  type StockRef,
  setStock,
  stockLevel,
} from "./stock";

/**
 * Stock that never oversells: plain functions the Worker calls (no HTTP here). Each SKU's stock
 * lives in an `Inventory` Durable Object (durable-objects/inventory.ts), split into shard objects
 * when the SKU is hot. Design: docs/inventory.md.
 */
