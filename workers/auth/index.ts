import { createRouter } from "../platform/openapi";
import { forgotPasswordHandler, forgotPasswordRoute } from "./routes/forgot-password";
import { jwksHandler, jwksRoute } from "./routes/jwks";
import { loginHandler, loginRoute } from "./routes/login";
import { logoutHandler, logoutRoute } from "./routes/logout";
import { otpRequestHandler, otpRequestRoute } from "./routes/otp-request";
import { otpVerifyHandler, otpVerifyRoute } from "./routes/otp-verify";
import { refreshHandler, refreshRoute } from "./routes/refresh";
import { registerHandler, registerRoute } from "./routes/register";
import { resetPasswordHandler, resetPasswordRoute } from "./routes/reset-password";
import { deleteSessionHandler, deleteSessionRoute } from "./routes/sessions-delete";
import { listSessionsHandler, listSessionsRoute } from "./routes/sessions-list";

export const authRouter = createRouter()
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
  .openapi(jwksRoute, jwksHandler);
