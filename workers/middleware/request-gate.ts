import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { limitBodySize } from "./body-limit";
import { refuseIfMisconfigured } from "./misconfigured";
import { refuseIfSwitchedOff } from "./switched-routes";

/**
 * What every request passes before its route, in this order, as one layer of Hono's chain: a
 * misconfigured Worker's 503, the body size limit (limitBodySize; only a request with a body has
 * anything to measure), a switched-off route's 404.
 */
export const requestGate = createMiddleware<AppEnv>((c, next) => {
  refuseIfMisconfigured(c);
  if (c.req.raw.body === null) {
    refuseIfSwitchedOff(c);
    return next();
  }
  return limitBodySize(c, async () => {
    refuseIfSwitchedOff(c);
    await next();
  });
});
