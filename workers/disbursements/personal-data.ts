import { disbursements } from "../../d1/schema/disbursements";
import { encryptedColumns } from "../platform/pii-rotation";

/** The disbursements table's PII columns (the bank account number and holder's name), for the key rotation. */
export const DISBURSEMENT_ENCRYPTED_COLUMNS = encryptedColumns(disbursements, disbursements.id, [
  disbursements.accountNumberEnc,
  disbursements.accountNameEnc,
]);
