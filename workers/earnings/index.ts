import { createRouter } from "../platform/openapi";
import { shopBalanceHandler, shopBalanceRoute } from "./routes/balance-get";
import { createPayoutHandler, createPayoutRoute } from "./routes/payout-create";
import { listPayoutsHandler, listPayoutsRoute } from "./routes/payouts-list";
import { salesReportHandler, salesReportRoute } from "./routes/sales-report";
import { statementHandler, statementRoute } from "./routes/statement-get";

export { earningsLedgerConsumer, payoutOutcomeConsumer } from "./consumers";
export { resumePendingPayouts } from "./payouts-resume";
export { PAYOUT_ENCRYPTED_COLUMNS, payoutDetailsStillInUse, payoutErasureWrites } from "./personal-data";
export { refundOrder } from "./sales";

/**
 * Earnings: each shop's money from its orders (pending until the order completes, then
 * available; refunds come off), payouts to the owner's wallet or a bank account through the
 * disbursements domain, statements and sales reports. Kept in D1 with conditional updates; fed
 * by the order events. Design: docs/earnings.md.
 */
export const earningsRouter = createRouter()
  .openapi(shopBalanceRoute, shopBalanceHandler)
  .openapi(createPayoutRoute, createPayoutHandler)
  .openapi(listPayoutsRoute, listPayoutsHandler)
  .openapi(statementRoute, statementHandler)
  .openapi(salesReportRoute, salesReportHandler);
