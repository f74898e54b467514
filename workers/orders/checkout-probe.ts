/**
 * The points between the checkout's steps (workers/orders/checkout.ts), in order: the cart's lines
 * handed over, priced, the parcels quoted, the voucher checked (claimed), the stock reserved, the
 * order rows and the answer prepared (PII encrypted; the D1 batch is next), the batch written (the
 * commit point has passed).
 */
export const CHECKOUT_POINTS = ["handed", "priced", "quoted", "claimed", "reserved", "prepared", "written"] as const;
export type CheckoutPoint = (typeof CHECKOUT_POINTS)[number];

/**
 * A seam for tests, handed in through createOrdersRouter (workers/app.ts passes none, so production
 * has no probe at all). `reached` runs at each point: throwing there fails the checkout as a real
 * failure of the next step would. `compensating` runs before a failed checkout gives back what it
 * took: throwing there skips the give-back, as for a process killed mid-checkout, which never
 * reaches it.
 */
export interface CheckoutProbe {
  reached?(point: CheckoutPoint): void | Promise<void>;
  compensating?(): void | Promise<void>;
}
