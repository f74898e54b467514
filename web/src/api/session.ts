// What the browser keeps between visits for the API: the signed-in session's tokens and the guest
// cart's token (the server names a guest cart by X-Cart-Token; CONTRACT.md "Cart").
// localStorage can be unavailable (private mode, disabled storage): then both last for the page only.

const SESSION_KEY = "tchat.session";
const CART_KEY = "tchat.cartToken";

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms after which the access token is no longer accepted. */
  expiresAt: number;
}

const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    if (value === null) memory.delete(key);
    else memory.set(key, value);
  }
}

export function getSession(): StoredSession | null {
  const raw = read(SESSION_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as StoredSession;
    return typeof value.accessToken === "string" ? value : null;
  } catch {
    return null;
  }
}

const listeners = new Set<() => void>();

/** Signing in or out (here or in another tab) re-renders whoever shows it (useSession). */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSession(session: StoredSession | null) {
  if (session) endedElsewhere = false;
  write(SESSION_KEY, session ? JSON.stringify(session) : null);
  for (const listener of listeners) listener();
}

/** Set when this device was signed out from another one (the stream's `session.revoked`), until dismissed. */
let endedElsewhere = false;

/** This session was ended from another device: sign out here and let the header say why. */
export function endSessionElsewhere() {
  endedElsewhere = true;
  setSession(null);
}

/** Whether the "signed out from another device" notice should show. */
export function signedOutElsewhere(): boolean {
  return endedElsewhere;
}

export function dismissSignedOutNotice() {
  endedElsewhere = false;
  for (const listener of listeners) listener();
}

if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key === SESSION_KEY) for (const listener of listeners) listener();
  });
}

export function getCartToken(): string | null {
  return read(CART_KEY);
}

export function setCartToken(token: string | null) {
  write(CART_KEY, token);
}
