import type { Context, Next } from "hono";
import type { AppEnv } from "../app-env";
import { limitBodySize } from "./body-limit";
import { refuseIfMisconfigured } from "./misconfigured";
import { refuseIfSwitchedOff } from "./switched-routes";

/**
 * What every request but a preflight passes before its route, in this order (part of requestFrame,
 * not a layer of its own): a misconfigured Worker's 503, the body size limit (limitBodySize; only a
 * request with a body has anything to measure), a switched-off route's 404. Throws the refusal.
 */
export async function passGate(c: Context<AppEnv>, next: Next): Promise<void> {
  refuseIfMisconfigured(c);
  if (c.req.raw.body === null) {
    refuseIfSwitchedOff(c);
    return next();
  }
  await limitBodySize(c, async () => {
    refuseIfSwitchedOff(c);
    await next();
  });
}
