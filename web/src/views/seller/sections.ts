/** The seller center's sections, each at /seller/:shopId/<path>, named by its catalog key; the /seller shell lists them. */
export const SELLER_SECTIONS: { path: string; labelKey: string }[] = [
  { path: "vouchers", labelKey: "seller.vouchers" },
  { path: "earnings", labelKey: "seller.earnings" },
  { path: "reports", labelKey: "seller.reports" },
];
