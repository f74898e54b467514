import { createRouter } from "../platform/openapi";
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
import { otpRequestHandler, otpRequestRoute } from "./routes/otp-request";
import { otpVerifyHandler, otpVerifyRoute } from "./routes/otp-verify";
import { refreshHandler, refreshRoute } from "./routes/refresh";
import { registerHandler, registerRoute } from "./routes/register";
import { resetPasswordHandler, resetPasswordRoute } from "./routes/reset-password";
import { deleteSessionHandler, deleteSessionRoute } from "./routes/sessions-delete";
import { listSessionsHandler, listSessionsRoute } from "./routes/sessions-list";

export { accountMessageWrites, sendAccountMessagesNow } from "./account-messages";
export { checkPostalCode, normalizeAddress, presentAddress } from "./addresses";
export { auditWrite } from "./audit";
export { displayNameOf, displayNameQuery } from "./display-names";
export { hashPassword } from "./passwords";
export { presentUser, userContact } from "./present";
export { currentUser } from "./queries";
export { seedAdmin } from "./seed-admin";
export { grantSellerRole, type SeedSeller, seedSellerWrites } from "./seller-accounts";
export { revokeSessionWrites } from "./sessions";

/**
 * Identity: accounts, sign-in (phone OTP, email and password), tokens and sessions, the caller's
 * profile and addresses, the security audit log.
 */
export const identityRouter = createRouter()
  .openapi(otpRequestRoute, otpRequestHandler)
  .openapi(otpVerifyRoute, otpVerifyHandler)
  .openapi(registerRoute, registerHandler)
  .openapi(loginRoute, loginHandler)
  .openapi(refreshRoute, refreshHandler)
  .openapi(logoutRoute, logoutHandler)
  .openapi(listSessionsRoute, listSessionsHandler)
  .openapi(deleteSessionRoute, deleteSessionHandler)
  .openapi(forgotPasswordRoute, forgotPasswordHandler)
  .openapi(resetPasswordRoute, resetPasswordHandler)
  .openapi(jwksRoute, jwksHandler)
  .openapi(getMeRoute, getMeHandler)
  .openapi(patchMeRoute, patchMeHandler)
  .openapi(listAddressesRoute, listAddressesHandler)
  .openapi(createAddressRoute, createAddressHandler)
  .openapi(updateAddressRoute, updateAddressHandler)
  .openapi(deleteAddressRoute, deleteAddressHandler);
