/** The seller center's sections, each under /seller/:shopId/<path>; the /seller shell lists them. */
export const SELLER_SECTIONS: { path: string; labelKey: string }[] = [
  { path: "vouchers", labelKey: "seller.vouchers" },
];
