import type { MessageKey } from "../../i18n/messages";

/** The seller center's sections, under /seller/:shopId/<path>: one entry per line. */
export const SELLER_SECTIONS: { path: string; labelKey: MessageKey }[] = [
  { path: "flash-sales", labelKey: "seller.flashSales" },
];
