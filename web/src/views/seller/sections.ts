import type { MessageKey } from "../../i18n/messages";

/**
 * The seller center's sections, one per line: each is a page at /seller/:shopId/<path>, linked from
 * the shop's dashboard navigation. Add a section with one line (and its label in messages/seller/).
 */
export const SELLER_SECTIONS: { path: string; labelKey: MessageKey }[] = [
  { path: "products", labelKey: "seller.products" },
  { path: "vouchers", labelKey: "seller.vouchers" },
  { path: "flash-sales", labelKey: "seller.flashSales" },
  { path: "returns", labelKey: "seller.returns" },
  { path: "earnings", labelKey: "seller.earnings" },
  { path: "reports", labelKey: "seller.reports" },
  { path: "verification", labelKey: "seller.verification" },
  { path: "settings", labelKey: "seller.settings" },
];
