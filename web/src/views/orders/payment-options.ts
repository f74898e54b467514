import { api, type Schemas, unwrap } from "../../api/client";

// What the payer may choose, as the server says (GET /payments/options?orderIds=): each gateway
// and method pair POST /payments accepts for the orders' currency, the sandbox only where it is on
// (development and tests). The server stays the judge: a pair it refuses later is answered 422.

export type PaymentOption = Schemas["PaymentOption"];
export type PaymentKind = PaymentOption["kind"];

/** The choices for paying these orders together (they share one currency). */
export async function loadPaymentOptions(orderIds: string[]): Promise<PaymentOption[]> {
  const answer = await unwrap(
    api.GET("/api/v1/payments/options", { params: { query: { orderIds: orderIds.join(",") } } }),
  );
  return answer.options;
}

export function optionKey(option: Pick<PaymentOption, "gateway" | "method">): string {
  return `${option.gateway}:${option.method}`;
}
