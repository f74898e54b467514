import { api, type Schemas, unwrapEmpty } from "../../api/client";
import { setCartToken, setSession } from "../../api/session";

/** Keeps the tokens of a sign-in. The guest cart was merged into the account's by that request (X-Cart-Token). */
export function keepTokens(tokens: Schemas["Tokens"]) {
  setSession({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  });
  // The guest cart now lives in the account's cart; signing out later starts a new guest cart.
  setCartToken(null);
}

/** Ends this session on the server, then forgets it here whatever the answer (offline included). */
export async function signOutHere(): Promise<void> {
  try {
    await unwrapEmpty(api.POST("/api/v1/auth/logout"));
  } finally {
    setSession(null);
  }
}

/** Where to go after signing in: `?next=` when it is a path of this site (never another site). */
export function nextPath(next: string | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/account";
}
