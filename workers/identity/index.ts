import { createRouter } from "../platform/openapi";
import type { IdentityHooks } from "./hooks";
import { createAddressHandler, createAddressRoute } from "./routes/address-create";
import { deleteAddressHandler, deleteAddressRoute } from "./routes/address-delete";
import { updateAddressHandler, updateAddressRoute } from "./routes/address-update";
import { listAddressesHandler, listAddressesRoute } from "./routes/addresses-list";
import { forgotPasswordHandler, forgotPasswordRoute } from "./routes/forgot-password";
import { jwksHandler, jwksRoute } from "./routes/jwks";
import { loginHandler, loginRoute } from "./routes/login";
import { logoutHandler, logoutRoute } from "./routes/logout";
import { getMeHandler, getMeRoute } from "./routes/me-get";
import { patchMeHandler, patchMeRoute } from "./routes/me-patch";
import { mfaDisableHandler, mfaDisableRoute } from "./routes/mfa-disable";
import { mfaEnableHandler, mfaEnableRoute } from "./routes/mfa-enable";
import { mfaRecoveryCodesHandler, mfaRecoveryCodesRoute } from "./routes/mfa-recovery-codes";
import { mfaSetupHandler, mfaSetupRoute } from "./routes/mfa-setup";
import { mfaStatusHandler, mfaStatusRoute } from "./routes/mfa-status";
import { otpRequestHandler, otpRequestRoute } from "./routes/otp-request";
import { otpVerifyHandler, otpVerifyRoute } from "./routes/otp-verify";
import { refreshHandler, refreshRoute } from "./routes/refresh";
import { registerHandler, registerRoute } from "./routes/register";
import { resetPasswordHandler, resetPasswordRoute } from "./routes/reset-password";
import { deleteSessionHandler, deleteSessionRoute } from "./routes/sessions-delete";
import { listSessionsHandler, listSessionsRoute } from "./routes/sessions-list";
import { userLookupHandler, userLookupRoute } from "./routes/user-lookup";

export { sendAccountMessagesNow } from "./account-messages";
export { searchAccounts } from "./account-search";
export { reinstateAccount, suspendAccount } from "./account-status";
export { activeAccounts } from "./active-accounts";
export { checkPostalCode, normalizeAddress, presentAddress } from "./addresses";
export { auditWrite } from "./audit";
export { sealAuditChain, verifyAuditChain } from "./audit-chain";
export { auditEventsPage } from "./audit-log";
export { authenticate } from "./authenticate";
export { activeUserContacts } from "./contacts";
export { displayNameOf, displayNameQuery, publicFaceOf } from "./display-names";
export { SECURITY_ALERT, securityAlertEvent } from "./events";
export type { IdentityHooks } from "./hooks";
export { hashPassword } from "./passwords";
export {
  accountErasure,
  contactAddressesOf,
  IDENTITY_ENCRYPTED_COLUMNS,
  identityDataOf,
} from "./personal-data";
export { activeAccountByPhone } from "./phone-lookup";
export { isAvatarOf } from "./profile";
export { currentUser } from "./queries";
export { readingPreferences } from "./reading-preferences";
export { savedAddressOf } from "./saved-addresses";
export { seedAdmin } from "./seed-admin";
export { grantSellerRole, type SeedSeller, seedSellerWrites } from "./seller-accounts";
export { sessionDeviceId } from "./session-control";
export { liveSession, liveSessionIds, liveSessionsOfUsers } from "./session-liveness";
export { revokeSessionWrites } from "./sessions";

/**
 * Identity: accounts, sign-in (phone OTP, email and password), tokens and sessions, the caller's
 * profile and addresses, the security audit log. Sign-in calls out to domains above identity only
 * through `hooks`, which the composition root (workers/app.ts) provides.
 */
export function createIdentityRouter(hooks: IdentityHooks) {
  return createRouter()
    .openapi(otpRequestRoute, otpRequestHandler)
    .openapi(otpVerifyRoute, otpVerifyHandler(hooks))
    .openapi(registerRoute, registerHandler(hooks))
    .openapi(loginRoute, loginHandler(hooks))
    .openapi(refreshRoute, refreshHandler)
    .openapi(logoutRoute, logoutHandler)
    .openapi(listSessionsRoute, listSessionsHandler)
    .openapi(deleteSessionRoute, deleteSessionHandler(hooks))
    .openapi(forgotPasswordRoute, forgotPasswordHandler)
    .openapi(resetPasswordRoute, resetPasswordHandler)
    .openapi(jwksRoute, jwksHandler)
    .openapi(getMeRoute, getMeHandler)
    .openapi(userLookupRoute, userLookupHandler)
    .openapi(patchMeRoute, patchMeHandler)
    .openapi(listAddressesRoute, listAddressesHandler)
    .openapi(createAddressRoute, createAddressHandler)
    .openapi(updateAddressRoute, updateAddressHandler)
    .openapi(deleteAddressRoute, deleteAddressHandler)
    .openapi(mfaStatusRoute, mfaStatusHandler)
    .openapi(mfaSetupRoute, mfaSetupHandler)
    .openapi(mfaEnableRoute, mfaEnableHandler)
    .openapi(mfaDisableRoute, mfaDisableHandler)
    .openapi(mfaRecoveryCodesRoute, mfaRecoveryCodesHandler);
}
