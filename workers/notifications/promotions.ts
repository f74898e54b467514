import type { EventEnvelope } from "../../schemas/events";
import { activeProductPrice } from "../catalog";
import { voucherExpiry } from "../orders";
import type { Config } from "../platform/config";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { Money } from "../platform/money";
import { recordEvent } from "../platform/outbox";
import { recentViewers } from "../recommendations";
import { priceDropEvent, voucherExpiringEvent } from "./events";

export type PromotionInput =
  | { type: "price_drop"; productId: string; previousPrice: Money; userIds?: string[] }
  | { type: "voucher_expiring"; voucherCode: string; userIds: string[] };

/** A 422 on `path`: `detail` is one whole sentence naming the field to fix (translated as a unit). */
const invalid = (path: string, detail: string) =>
  new ApiError("validation_failed", detail, { errors: [{ path, message: detail }] });

/**
 * Turns an operator's promotion into `promotion.*` events on the notifications queue, one per
 * NOTIFICATIONS_PROMO_CHUNK recipients, written in one batch (then drained). The consumer applies
 * preferences (promotions are opt-in) and notifies each user at most once per price or voucher.
 */
export async function promotionEvents(
  db: Database,
  config: Config,
  input: PromotionInput,
  actorId: string,
): Promise<{ events: EventEnvelope[]; recipients: number }> {
  const { promoMaxRecipients, promoChunk, priceDropViewDays } = config.notifications;
  let userIds: string[];
  let make: (chunk: string[]) => EventEnvelope;
  if (input.type === "price_drop") {
    const product = await activeProductPrice(db, input.productId);
    if (!product) throw new ApiError("not_found", "There is no active product with this id.");
    const { price } = product;
    if (input.previousPrice.currency !== price.currency) {
      throw invalid(
        "previousPrice.currency",
        `The product is priced in ${price.currency}. Fix previousPrice.currency and send it again.`,
      );
    }
    if (input.previousPrice.amount <= price.amount) {
      throw invalid(
        "previousPrice.amount",
        "The product's price now is not lower than previousPrice. Fix previousPrice.amount and send it again.",
      );
    }
    userIds =
      input.userIds ??
      (await recentViewers(db, input.productId, Date.now() - priceDropViewDays * 86_400_000, promoMaxRecipients));
    make = (chunk) =>
      priceDropEvent({
        productId: input.productId,
        productName: product.name,
        price,
        previousPrice: input.previousPrice,
        userIds: chunk,
        actorId,
      });
  } else {
    const expiresAt = await voucherExpiry(db, input.voucherCode);
    if (expiresAt === undefined) throw new ApiError("not_found", "There is no voucher with this code.");
    if (!expiresAt || expiresAt <= Date.now()) {
      throw invalid("voucherCode", "This voucher has no expiry ahead of it. Fix voucherCode and send it again.");
    }
    userIds = input.userIds;
    make = (chunk) => voucherExpiringEvent({ voucherCode: input.voucherCode, expiresAt, userIds: chunk, actorId });
  }
  const unique = [...new Set(userIds)];
  if (unique.length > promoMaxRecipients) {
    throw invalid("userIds", `At most ${promoMaxRecipients} recipients per promotion. Fix userIds and send it again.`);
  }
  const events: EventEnvelope[] = [];
  for (let i = 0; i < unique.length; i += promoChunk) events.push(make(unique.slice(i, i + promoChunk)));
  for (let i = 0; i < events.length; i += 50) {
    const [first, ...rest] = events.slice(i, i + 50).map((e) => recordEvent(db, "notifications", e));
    if (first) await db.batch([first, ...rest]);
  }
  return { events, recipients: unique.length };
}
