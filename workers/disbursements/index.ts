import { createRouter } from "../platform/openapi";
import { simulateDisbursementHandler, simulateDisbursementRoute } from "./routes/simulate";
import { disbursementWebhookHandler, disbursementWebhookRoute } from "./routes/webhook";

export { type BankAccountInput, checkBankAccount, maskAccount, PAYOUT_COUNTRIES } from "./banks";
export { DISBURSEMENT_ENCRYPTED_COLUMNS } from "./personal-data";
export { providerNameFor } from "./providers";
export {
  type DisbursementRequest,
  type DisbursementView,
  disbursementStatusOf,
  requestDisbursement,
} from "./service";
export { checkStaleDisbursements } from "./webhooks";

/**
 * Disbursements: money sent from the platform to bank accounts (wallet withdrawals; seller payouts
 * later) through one provider interface (Xendit Payouts, Omise Transfers, a local sandbox), with
 * verified webhooks applied once and a status check for webhooks that never came. It knows nothing
 * of its callers: each outcome leaves as a disbursement.settled event. Design: docs/disbursements.md.
 */
export const disbursementsRouter = createRouter()
  .openapi(disbursementWebhookRoute, disbursementWebhookHandler)
  .openapi(simulateDisbursementRoute, simulateDisbursementHandler);
