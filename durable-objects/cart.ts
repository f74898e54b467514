import { DurableObject } from "cloudflare:workers";
import { ShopperCart } from "../workers/cart/object/shopper-cart";
import type {
  AddInput,
  AddResult,
  CartSnapshot,
  HandOffInput,
  HandOffResult,
  LimitSlot,
  MergeLine,
  MergeResult,
  PriceUpdate,
  RemoveResult,
  SetQuantityInput,
  SetQuantityResult,
} from "../workers/cart/object/types";

/** One shopper's cart (workers/cart/object/shopper-cart.ts runs it). */
export class Cart extends DurableObject<Env> {
  private readonly cart: ShopperCart;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.cart = new ShopperCart(ctx, env);
  }

  snapshot(): CartSnapshot {
    return this.cart.snapshot();
  }

  add(input: AddInput): AddResult {
    return this.cart.add(input);
  }

  setQuantity(input: SetQuantityInput): SetQuantityResult {
    return this.cart.setQuantity(input);
  }

  remove(lineId: string): RemoveResult {
    return this.cart.remove(lineId);
  }

  clear(): CartSnapshot {
    return this.cart.clear();
  }

  handOff(input: HandOffInput): HandOffResult {
    return this.cart.handOff(input);
  }

  takePaymentSlot(accountLimit: { limit: number; windowSeconds: number }): LimitSlot {
    return this.cart.takePaymentSlot(accountLimit);
  }

  givePaymentSlotBack(windowEndsAt: number): void {
    this.cart.givePaymentSlotBack(windowEndsAt);
  }

  giveBackHandOff(checkoutId: string): CartSnapshot {
    return this.cart.giveBackHandOff(checkoutId);
  }

  handOffDone(checkoutId: string): void {
    this.cart.handOffDone(checkoutId);
  }

  merge(input: { lines: MergeLine[] }): MergeResult {
    return this.cart.merge(input);
  }

  recordPrices(updates: PriceUpdate[]): CartSnapshot {
    return this.cart.recordPrices(updates);
  }

  destroy(): Promise<void> {
    return this.cart.destroy();
  }

  override alarm(): Promise<void> {
    return this.cart.alarm();
  }
}
