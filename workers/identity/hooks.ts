import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { logEvent } from "../platform/log";

/**
 * What sign-in asks of domains above identity, handed in by the composition root (workers/app.ts)
 * so that identity imports none of them: the cart's merge of a guest cart the request names, and
 * the realtime stream told of sessions signed out from another device.
 */
export interface IdentityHooks {
  /** Called once a sign-in request (otp/verify, login, register) has a signed-in user. */
  signedIn(c: Context<AppEnv>, userId: string): Promise<unknown>;
  /** Called once sessions of `userId` were ended from another of their devices (best effort, never throws). */
  sessionsEnded(env: Env, userId: string, sessionIds: string[]): Promise<unknown>;
}

/** Runs the sign-in hook before the sign-in answers. Never fails the sign-in: a failure is logged. */
export async function afterSignIn(c: Context<AppEnv>, hooks: IdentityHooks, userId: string): Promise<void> {
  try {
    await hooks.signedIn(c, userId);
  } catch (err) {
    logEvent("error", "sign_in_hook_failed", { userId, error: err instanceof Error ? err.message : String(err) });
  }
}
