import { useCallback, useEffect, useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";

/** Units that can be bought now: the product's total and each variant's own. */
export interface Stock {
  total: number;
  variants: Record<string, number>;
}

export function stockOf(stock: Stock, variantId: string | undefined): number {
  return variantId !== undefined ? (stock.variants[variantId] ?? 0) : stock.total;
}

function fromProduct(product: Schemas["Product"]): Stock {
  const variants: Record<string, number> = {};
  for (const v of product.variants) variants[v.id] = v.available ?? 0;
  return { total: product.available, variants };
}

function fromInventory(level: Schemas["InventoryLevel"]): Stock {
  const variants: Record<string, number> = {};
  for (const v of level.variants) variants[v.variantId] = v.available;
  return { total: level.available, variants };
}

/**
 * Live availability: the product read's own (always live), then read again from Inventory each
 * time the tab comes back into view, since a reader returning to an old tab would otherwise see
 * stock that others have since bought. A failed refresh keeps the last known levels.
 */
export function useLiveStock(product: Schemas["Product"]): [Stock, () => void] {
  const [stock, setStock] = useState(() => fromProduct(product));
  const [refreshes, setRefreshes] = useState(0);
  useEffect(() => {
    let current = true;
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      unwrap(api.GET("/api/v1/inventory/{productId}", { params: { path: { productId: product.id } } })).then(
        (level) => current && setStock(fromInventory(level)),
        () => undefined,
      );
    };
    if (refreshes > 0) refresh();
    document.addEventListener("visibilitychange", refresh);
    return () => {
      current = false;
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [product.id, refreshes]);
  const refreshNow = useCallback(() => setRefreshes((n) => n + 1), []);
  return [stock, refreshNow];
}
