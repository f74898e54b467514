import parsePhone from "libphonenumber-js/min";
import { ApiProblem, api, type Schemas, unwrap } from "../../api/client";
import { attemptKey, finishAttempt } from "../../api/idempotency";
import type { Country } from "../account/phone";

export type TransferRequest = Schemas["CreateTransfer"];
export type Transfer = Schemas["Transfer"];

const SCOPE = "wallet:transfer";

/**
 * Sends once per attempt: the Idempotency-Key stays the same while the request does, so a double
 * click or a retry after a timeout replays the first answer instead of sending twice. A refusal
 * (insufficient funds, a limit, an unknown recipient) is the server's final answer for that key,
 * so the next try is a new attempt; a network failure or a server error keeps the key.
 */
export async function sendTransfer(body: TransferRequest): Promise<Transfer> {
  const key = attemptKey(SCOPE, JSON.stringify(body));
  try {
    const transfer = await unwrap(api.POST("/api/v1/wallet/transfers", { body, headers: { "Idempotency-Key": key } }));
    finishAttempt(SCOPE);
    return transfer;
  } catch (err) {
    const problem = err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) });
    if (problem.status >= 400 && problem.status < 500 && problem.status !== 429) finishAttempt(SCOPE);
    throw problem;
  }
}

/** "+66 81 234 5678" for what the sender typed, when it reads as a number of that country. */
export function internationalPhone(phone: string, country: Country): string {
  return parsePhone(phone, country)?.formatInternational() ?? phone;
}
