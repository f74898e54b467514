/** The seller center's sections, each at /seller/:shopId/<path>, with its label in the catalog. */
export const SELLER_SECTIONS: { path: string; labelKey: string }[] = [{ path: "returns", labelKey: "seller.returns" }];
