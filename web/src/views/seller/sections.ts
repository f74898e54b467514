/** The seller center's sections, each at /seller/:shopId/<path>, named by its catalog key. */
export const SELLER_SECTIONS: { path: string; labelKey: string }[] = [
  { path: "earnings", labelKey: "seller.earnings" },
  { path: "reports", labelKey: "seller.reports" },
];
