import { useEffect, useState } from "preact/hooks";
import { ApiProblem, api, type Schemas, unwrap } from "../../api/client";
import type { CreateOrders } from "./place-order";

export type CheckoutQuote = Schemas["CheckoutQuote"];

/** Typing in the address waits this long before asking again, so a quote is not asked per key. */
const SETTLE_MS = 400;

/**
 * What placing the order would charge now (POST /checkout/quote: items, shipping, voucher, tax,
 * totals per shop), worked out by the server's checkout itself, for `body` (null: not enough is
 * known yet). Asked again whenever the body changes; a late answer to an old body is dropped.
 */
export function useQuote(body: CreateOrders | null): {
  quote: CheckoutQuote | null;
  problem: ApiProblem | null;
  loading: boolean;
} {
  const key = body ? JSON.stringify(body) : "";
  const [state, setState] = useState<{ key: string; quote: CheckoutQuote | null; problem: ApiProblem | null }>({
    key: "",
    quote: null,
    problem: null,
  });
  useEffect(() => {
    if (!body) return;
    let current = true;
    const timer = setTimeout(() => {
      unwrap(api.POST("/api/v1/checkout/quote", { body })).then(
        (quote) => current && setState({ key, quote, problem: null }),
        (err: unknown) =>
          current &&
          setState({
            key,
            quote: null,
            problem: err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) }),
          }),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  const fresh = body !== null && state.key === key;
  return { quote: fresh ? state.quote : null, problem: fresh ? state.problem : null, loading: body !== null && !fresh };
}

/** Refusals that are about the voucher code, shown under its field. */
export const VOUCHER_CODES = ["voucher_unavailable", "voucher_min_spend"];

export function isVoucherProblem(problem: ApiProblem | null): boolean {
  return !!problem && (VOUCHER_CODES.includes(problem.code) || !!problem.fieldDetail("voucherCode"));
}
