import { createRouter } from "../platform/openapi";
import { reinstateAccountHandler, reinstateAccountRoute, suspendAccountHandler, suspendAccountRoute } from "./accounts";
import { listAuditEventsHandler, listAuditEventsRoute } from "./audit-events";
import { verifyAuditEventsHandler, verifyAuditEventsRoute } from "./audit-verify";
import { listPaymentsHandler, listPaymentsRoute, refundPaymentHandler, refundPaymentRoute } from "./payments";
import { searchUsersHandler, searchUsersRoute } from "./users";
import { walletStandingHandler, walletStandingRoute } from "./wallet-standing";

export { auditAdminActions, SELF_AUDITED_ADMIN_ROUTES } from "./audit-actions";

/** Administration that spans domains; each admin route calls the face of the domain it administers. */
export const adminRouter = createRouter()
  .openapi(listAuditEventsRoute, listAuditEventsHandler)
  .openapi(verifyAuditEventsRoute, verifyAuditEventsHandler)
  .openapi(searchUsersRoute, searchUsersHandler)
  .openapi(suspendAccountRoute, suspendAccountHandler)
  .openapi(reinstateAccountRoute, reinstateAccountHandler)
  .openapi(walletStandingRoute, walletStandingHandler)
  .openapi(listPaymentsRoute, listPaymentsHandler)
  .openapi(refundPaymentRoute, refundPaymentHandler);
