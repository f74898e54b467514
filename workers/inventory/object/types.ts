import type { InvalidArgument } from "../../platform/rpc-input";

/**
 * What the `Inventory` Durable Object answers over RPC. Expected outcomes (short stock, an expired
 * hold, a replay) are values, never thrown errors: RPC would carry only an error's name and message.
 */

/** How long closed reservations, restock ids and sent events are kept, so replays stay idempotent. */
export const RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** The longest hold a reservation may ask for. */
export const MAX_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** The largest quantity (or stock level) one call may name. */
export const MAX_QUANTITY = 1_000_000_000;

export const INVENTORY_LOW = "inventory.low";

/** One object's stock. `available + reserved + sold == received` at every step. */
export interface StockLevel {
  /** The SKU's inventory key (without the shard suffix). */
  sku: string;
  /** Which shard of the SKU this object is (0 for an unsharded SKU), and how many there are. */
  shard: number;
  shards: number;
  /** Units physically here and not yet sold: available + reserved. */
  onHand: number;
  /** Units held by live (unexpired) reservations. */
  reserved: number;
  /** Units anyone may reserve now: onHand - reserved, never negative. */
  available: number;
  /** Units sold (committed reservations), cumulative. */
  sold: number;
  /** Every unit that ever arrived: the initial stock, restocks and stock-take adjustments. */
  received: number;
  lowStockThreshold: number | null;
}

export type ReservationStatus = "held" | "committed" | "released" | "expired";

export interface ReservationView {
  reservationId: string;
  /** Units this object holds (or sold) for the reservation; 0 marks a visited shard that had none. */
  quantity: number;
  /** The quantity asked of this object when the reservation was made. */
  requested: number;
  status: ReservationStatus;
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
  /** Of `quantity`, the units taken at a flash sale's price. */
  saleUnits: number;
}

export type { InvalidArgument } from "../../platform/rpc-input";

export type ConfigureResult =
  | { ok: true; level: StockLevel }
  | { ok: false; code: "below_reserved"; reserved: number; level: StockLevel }
  | InvalidArgument;

export type ReserveResult =
  | {
      ok: true;
      reservationId: string;
      /** Units held (or already sold) for this reservation here; less than asked only with `partial`. */
      quantity: number;
      status: "held" | "committed";
      expiresAt: number;
      /** Of `quantity`, the units taken at the flash sale's price (0 without a sale claim). */
      saleUnits: number;
      /** True when the reservation already existed and nothing new was reserved. */
      replayed: boolean;
      level: StockLevel;
    }
  | { ok: false; code: "insufficient_stock"; requested: number; available: number; level: StockLevel }
  | { ok: false; code: "reservation_expired" | "reservation_released"; level: StockLevel }
  | { ok: false; code: "reservation_mismatch"; requested: number; level: StockLevel }
  | InvalidArgument;

export type RenewResult =
  | {
      ok: true;
      quantity: number;
      status: "held" | "committed";
      expiresAt: number;
      /** The hold had expired and was taken again from available stock. */
      revived: boolean;
      level: StockLevel;
    }
  | { ok: false; code: "reservation_expired"; available: number; level: StockLevel }
  | { ok: false; code: "reservation_released" | "reservation_not_found"; level: StockLevel }
  | InvalidArgument;

export type CommitResult =
  | {
      ok: true;
      quantity: number;
      /** The reservation had already been committed: nothing changed. */
      replayed: boolean;
      /** The hold had expired and stock was still free, so it was sold from available stock. */
      revived: boolean;
      level: StockLevel;
    }
  | { ok: false; code: "reservation_expired"; requested: number; available: number; level: StockLevel }
  | { ok: false; code: "reservation_released" | "reservation_not_found"; level: StockLevel }
  | InvalidArgument;

export type ReleaseResult =
  | {
      ok: true;
      /** Units returned to available stock by this call (0 on a replay or an expired hold). */
      released: number;
      status: "released" | "forgotten" | "not_found" | "expired";
      replayed: boolean;
      level: StockLevel;
    }
  | { ok: false; code: "reservation_committed"; level: StockLevel }
  | InvalidArgument;

export type AdjustResult =
  | { ok: true; delta: number; replayed: boolean; level: StockLevel }
  | { ok: false; code: "insufficient_stock"; requested: number; available: number; level: StockLevel }
  | { ok: false; code: "adjustment_mismatch"; delta: number; level: StockLevel }
  | InvalidArgument;

/** A flash sale's use in one object: units held by live holds and units sold at its price. */
export interface SaleUsage {
  saleId: string;
  /** The quota this object last saw for the sale (0 before any hold claimed it). */
  quota: number;
  held: number;
  sold: number;
}

/** The `data` of an `inventory.low` event (subject: `{ type: "sku", id: sku }`). */
export interface InventoryLowData {
  sku: string;
  shard: number;
  shards: number;
  /** Available units of this object when it crossed below its threshold. */
  available: number;
  onHand: number;
  reserved: number;
  threshold: number;
}

export interface InventoryEventView {
  id: string;
  type: string;
  data: InventoryLowData;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number | null;
  sentAt: number | null;
  lastError: string | null;
}

/** A full recount of the object's rows against its counters (for tests and operators). */
export interface AuditResult {
  ok: boolean;
  problems: string[];
  level: StockLevel;
  /** Live holds of at least one unit (zero-unit markers of split reservations are not counted). */
  liveHolds: number;
  liveHeldUnits: number;
}
