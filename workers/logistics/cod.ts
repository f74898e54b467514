import type { Config } from "../platform/config";
import { ApiError } from "../platform/errors";
import { type Money, toMajorString } from "../platform/money";
import { shippingOptionById } from "../shipping";
import { courierInfo, enabledCouriers } from "./couriers";

export interface CodCheck {
  /** Where the parcel goes. */
  country: string;
  /** What the courier would collect: the orders' total. */
  total: Money;
  /** The shipping option chosen at checkout (the order's `shipping.optionId`), when known. */
  optionId?: string;
}

/**
 * The delivery the buyer chose must collect cash too: a service booked through a courier switched
 * on here that takes no COD there (JNE YES, Ninja Van Express) is refused, naming the option.
 */
function chosenServiceCollects(config: Config, country: string, optionId: string | undefined): void {
  const card = optionId ? shippingOptionById(optionId) : undefined;
  const service = card
    ? courierInfo(config, card.book.courier)?.services.find((s) => s.code === card.book.service)
    : undefined;
  if (card && service && !service.codCountries.includes(country)) {
    throw new ApiError(
      "cod_not_allowed",
      `Cash on delivery is not offered with ${card.courier} ${card.service}. Check out again with another delivery option, or choose another way to pay.`,
    );
  }
}

/**
 * Whether cash on delivery may pay for orders (payments asks before it accepts gateway "cod"):
 * the destination country allows it (COD_COUNTRIES), a courier switched on here collects cash
 * there with one of its services and with the one the buyer chose, and the amount is within COD_MAX_AMOUNT for its currency.
 * Refused with 422 cod_not_allowed and a detail saying why.
 */
export function codAllowed(config: Config, { country, total, optionId }: CodCheck): void {
  const collects = enabledCouriers(config).some((c) => c.services.some((s) => s.codCountries.includes(country)));
  if (!config.logistics.codCountries.includes(country) || !collects) {
    throw new ApiError(
      "cod_not_allowed",
      `Cash on delivery is not offered for deliveries to ${country}. Choose another way to pay.`,
    );
  }
  chosenServiceCollects(config, country, optionId);
  const max = config.logistics.codMaxAmount[total.currency];
  if (max === undefined) {
    throw new ApiError(
      "cod_not_allowed",
      `Cash on delivery is not offered in ${total.currency}. Choose another way to pay.`,
    );
  }
  if (total.amount > max) {
    throw new ApiError(
      "cod_not_allowed",
      `Cash on delivery is limited to ${toMajorString({ amount: max, currency: total.currency })} ${total.currency} per payment. Pay this order another way.`,
    );
  }
}
