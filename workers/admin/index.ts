import { createRouter } from "../platform/openapi";
import { reinstateAccountHandler, reinstateAccountRoute, suspendAccountHandler, suspendAccountRoute } from "./accounts";
import { listAuditEventsHandler, listAuditEventsRoute } from "./audit-events";
import { verifyAuditEventsHandler, verifyAuditEventsRoute } from "./audit-verify";
import { walletStandingHandler, walletStandingRoute } from "./wallet-standing";

/** Administration that spans domains; each admin route calls the face of the domain it administers. */
export const adminRouter = createRouter()
  .openapi(listAuditEventsRoute, listAuditEventsHandler)
  .openapi(verifyAuditEventsRoute, verifyAuditEventsHandler)
  .openapi(suspendAccountRoute, suspendAccountHandler)
  .openapi(reinstateAccountRoute, reinstateAccountHandler)
  .openapi(walletStandingRoute, walletStandingHandler);
