import parsePhone from "libphonenumber-js/min";
import { api, type Schemas, unwrap } from "../../api/client";
import type { Country } from "../account/phone";
import { writeOnce } from "./attempt";

export type TransferRequest = Schemas["CreateTransfer"];
export type Transfer = Schemas["Transfer"];

/** POST /wallet/transfers, once per attempt (writeOnce). */
export function sendTransfer(body: TransferRequest): Promise<Transfer> {
  return writeOnce("wallet:transfer", body, (key) =>
    unwrap(api.POST("/api/v1/wallet/transfers", { body, headers: { "Idempotency-Key": key } })),
  );
}

/** "+66 81 234 5678" for what the sender typed, when it reads as a number of that country. */
export function internationalPhone(phone: string, country: Country): string {
  return parsePhone(phone, country)?.formatInternational() ?? phone;
}
