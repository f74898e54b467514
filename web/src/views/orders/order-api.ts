import { api, type Schemas, unwrap } from "../../api/client";

export type Order = Schemas["Order"];

export function loadOrder(id: string): Promise<Order> {
  return unwrap(api.GET("/api/v1/orders/{id}", { params: { path: { id } } }));
}

/** The orders of one checkout (one per shop), paid together. */
export function loadOrders(ids: string[]): Promise<Order[]> {
  return Promise.all(ids.map(loadOrder));
}

/** The ids in `?orders=a,b` (a checkout of several shops), else the one in the path. */
export function orderIdsOf(pathId: string, list: string | undefined): string[] {
  const ids = (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.includes(pathId) ? ids : [pathId, ...ids];
}
