import { getSession, type StoredSession, setSession } from "./session";

// Access tokens live at most 15 minutes (CONTRACT.md "Identity"): a request made with a token about
// to expire first exchanges the refresh token (rotated), once for all requests waiting on it.

/** Refresh this long before the access token's end, so a slow request does not arrive with a dead token. */
const MARGIN_MS = 30_000;
const REFRESH_PATH = "/api/v1/auth/refresh";

let pending: Promise<StoredSession | null> | null = null;

async function refresh(session: StoredSession): Promise<StoredSession | null> {
  const res = await fetch(REFRESH_PATH, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  }).catch(() => null);
  // Offline or the server down: keep the session and let the request report the failure itself.
  if (!res) return session;
  if (res.status === 401 || res.status === 403) {
    // The session ended (signed out elsewhere, token reused, account closed): the reader is a guest now.
    setSession(null);
    return null;
  }
  if (!res.ok) return session;
  const tokens = (await res.json()) as { accessToken: string; refreshToken: string; expiresIn: number };
  // Another tab may have refreshed meanwhile; only the newest rotation is kept.
  if (getSession()?.refreshToken !== session.refreshToken) return getSession();
  const next = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  };
  setSession(next);
  return next;
}

/**
 * Runs `task` while no other tab of this site runs one (Web Locks): a refresh token is single-use,
 * and two tabs spending the same one would make the server end the session (401 token_reused).
 */
function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? (locks.request("tchat.refresh", task) as Promise<T>) : task();
}

/** The session to send with a request to `url`: refreshed first when its access token is about to expire. */
export async function freshSession(url: string): Promise<StoredSession | null> {
  const session = getSession();
  if (!session || url.endsWith(REFRESH_PATH) || session.expiresAt - MARGIN_MS > Date.now()) return session;
  pending ??= acrossTabs(() => {
    // Inside the lock another tab may already have rotated the tokens: use its result if so.
    const current = getSession();
    if (!current || current.expiresAt - MARGIN_MS > Date.now()) return Promise.resolve(current);
    return refresh(current);
  }).finally(() => {
    pending = null;
  });
  return pending;
}

/**
 * The server refused `rejectedToken` (401) before its time: the session's signing key rotated, the
 * clock is off, or the page slept past it. Exchanges the refresh token once (shared by every request
 * that saw the same 401) and returns the new session, or null when the session is over.
 */
export async function refreshAfterRejection(rejectedToken: string): Promise<StoredSession | null> {
  const session = getSession();
  if (!session) return null;
  // Another request (or tab) already replaced the rejected token: use the new one.
  if (session.accessToken !== rejectedToken) return session;
  pending ??= acrossTabs(() => {
    const current = getSession();
    if (!current || current.accessToken !== rejectedToken) return Promise.resolve(current);
    return refresh(current);
  }).finally(() => {
    pending = null;
  });
  return pending;
}
