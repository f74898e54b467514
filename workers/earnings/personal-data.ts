import { payouts } from "../../d1/schema/earnings";
import { encryptedColumns } from "../platform/pii-rotation";

/** The payouts table's PII columns (a bank account's number and holder), for the key rotation. */
export const PAYOUT_ENCRYPTED_COLUMNS = encryptedColumns(payouts, payouts.id, [
  payouts.accountNumberEnc,
  payouts.accountNameEnc,
]);
