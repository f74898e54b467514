import { useRef, useState } from "preact/hooks";
import { ApiProblem, api, type Schemas, unwrap } from "../../api/client";
import { attemptKey, finishAttempt } from "../../api/idempotency";

export type CreateOrders = Schemas["CreateOrders"];
export type Order = Schemas["Order"];

/**
 * Places the cart's orders (POST /orders). One attempt, one Idempotency-Key: a second click while
 * the first is on its way is ignored, and a retry after an error or a reload sends the same key, so
 * the server answers the first result instead of ordering twice.
 */
export function usePlaceOrder(onPlaced: (orders: Order[]) => void) {
  const inFlight = useRef(false);
  const [placing, setPlacing] = useState(false);
  /** The last refusal, with the body it refused (serialized), so the form shows it only for that body. */
  const [failure, setFailure] = useState<{ body: string; problem: ApiProblem } | null>(null);
  const place = async (body: CreateOrders) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPlacing(true);
    setFailure(null);
    const fingerprint = JSON.stringify(body);
    try {
      const key = attemptKey("checkout", fingerprint);
      const created = await unwrap(api.POST("/api/v1/orders", { body, headers: { "Idempotency-Key": key } }));
      finishAttempt("checkout");
      onPlaced(created.orders);
    } catch (err) {
      const problem = err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) });
      setFailure({ body: fingerprint, problem });
    } finally {
      inFlight.current = false;
      setPlacing(false);
    }
  };
  return { place, placing, failure };
}
