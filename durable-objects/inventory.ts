import { DurableObject } from "cloudflare:workers";
import { runAlarm } from "../workers/inventory/object/alarm";
import { commit, release, renew, reserve } from "../workers/inventory/object/holds";
import type {
  AdjustInput,
  ConfigureInput,
  ReleaseOptions,
  RenewInput,
  ReserveInput,
  RestockInput,
} from "../workers/inventory/object/input";
import { audit, events, level, reservation } from "../workers/inventory/object/reads";
import { buyerSaleUnits, returnSaleUnits, saleUsage } from "../workers/inventory/object/sales";
import { type InventoryState, openInventory } from "../workers/inventory/object/state";
import { adjust, configure, restock } from "../workers/inventory/object/stock-moves";
import type {
  AdjustResult,
  AuditResult,
  CommitResult,
  ConfigureResult,
  InventoryEventView,
  ReleaseResult,
  RenewResult,
  ReservationView,
  ReserveResult,
  SaleUsage,
  StockLevel,
} from "../workers/inventory/object/types";
import { type RpcTrace, traced } from "../workers/platform/request-context";

/**
 * Stock of one SKU, or of one shard of a hot SKU (see docs/inventory.md). The code it runs lives
 * in workers/inventory/object/. A Durable Object runs one request at a time and every method
 * writes synchronously (no `await` between reading the stock and writing it), so each call commits
 * atomically and a check can never interleave with another request's write: no oversell, without
 * `blockConcurrencyWhile`.
 *
 * Invariant after every call: available + reserved + sold == received, and available >= 0.
 * Holds past `expires_at` are never counted, even before the alarm closes them; every mutating call
 * first closes ("sweeps") them itself, so within a call the `held` counter is exact.
 */
export class Inventory extends DurableObject<Env> {
  private readonly state: InventoryState;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.state = openInventory(ctx);
  }

  configure(input: ConfigureInput, trace?: RpcTrace): ConfigureResult {
    return traced(trace, () => configure(this.state, input));
  }

  /** A stock-take: on-hand becomes `onHand` (received moves by the difference). */
  setOnHand(onHand: number, trace?: RpcTrace): ConfigureResult {
    return traced(trace, () => configure(this.state, { onHand }));
  }

  level(): StockLevel {
    return level(this.state);
  }

  reservation(reservationId: string): ReservationView | null {
    return reservation(this.state, reservationId);
  }

  events(): InventoryEventView[] {
    return events(this.state);
  }

  audit(): AuditResult {
    return audit(this.state);
  }

  /** A flash sale's units held and sold here (workers/inventory/object/sales.ts). */
  saleUsage(saleId: string): SaleUsage {
    return saleUsage(this.state, saleId);
  }

  /** Units of a sale one buyer holds or bought here (a checkout quote's estimate). */
  buyerSaleUnits(saleId: string, buyer: string): number {
    return buyerSaleUnits(this.state, saleId, buyer);
  }

  /** A sold reservation's flash-sale units given back to the quota, once (object/sales.ts). */
  returnSaleUnits(reservationId: string, trace?: RpcTrace): number {
    return traced(trace, () => returnSaleUnits(this.state, reservationId));
  }

  reserve(input: ReserveInput, trace?: RpcTrace): ReserveResult {
    return traced(trace, () => reserve(this.state, input));
  }

  renew(input: RenewInput, trace?: RpcTrace): RenewResult {
    return traced(trace, () => renew(this.state, input));
  }

  commit(reservationId: string, trace?: RpcTrace): CommitResult {
    return traced(trace, () => commit(this.state, reservationId));
  }

  release(reservationId: string, options?: ReleaseOptions, trace?: RpcTrace): ReleaseResult {
    return traced(trace, () => release(this.state, reservationId, options));
  }

  restock(input: RestockInput, trace?: RpcTrace): AdjustResult {
    return traced(trace, () => restock(this.state, input));
  }

  adjust(input: AdjustInput, trace?: RpcTrace): AdjustResult {
    return traced(trace, () => adjust(this.state, input));
  }

  override async alarm(): Promise<void> {
    await runAlarm(this.state, this.env.ORDER_EVENTS);
  }
}
