import { nowMs } from "./clock";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `value` in Crockford base32, most significant first, zero-padded to `length` characters. */
export function crockford(value: number, length: number): string {
  let out = "";
  let v = Math.max(0, Math.floor(value));
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[v % 32] + out;
    v = Math.floor(v / 32);
  }
  return out;
}

function crockfordBytes(bytes: Uint8Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += CROCKFORD[bytes[i] % 32];
  return out;
}

/**
 * Opaque, time-sortable ids (ULID layout: 48-bit milliseconds + 80 random bits, Crockford base32)
 * behind a short domain prefix, e.g. `evt_01JD3Q...`. Sorting by id sorts by creation time.
 */
export function newId(prefix: string, now = nowMs()): string {
  return `${prefix}_${crockford(now, 10)}${crockfordBytes(crypto.getRandomValues(new Uint8Array(16)), 16)}`;
}

/**
 * An id in the same layout whose second part is a hash of `key` instead of random: the same key and
 * time always give the same id, so a retried step writes the same rows again (and conflicts) instead
 * of new ones. Still time-sortable.
 */
export async function stableId(prefix: string, timeMs: number, key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  return `${prefix}_${crockford(timeMs, 10)}${crockfordBytes(digest, 16)}`;
}

/** 256-bit random token, base64url: for refresh tokens, tickets, cart tokens. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function base64url(data: Uint8Array): string {
  let bin = "";
  for (const b of data) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
