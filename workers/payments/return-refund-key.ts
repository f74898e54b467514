/**
 * A return's refund is keyed (refunds.order_id) by `return:<returnId>`, not by its order: an
 * order may have several returns, each refunded once, beside the order's own refund (one per
 * payment and key, unique index). The prefix also tells the order-refund sweep to leave it.
 */
export const RETURN_REFUND_PREFIX = "return:";

export const returnRefundKey = (returnId: string) => `${RETURN_REFUND_PREFIX}${returnId}`;
