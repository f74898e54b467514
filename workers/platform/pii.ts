import { type PiiKeySource, parsePiiKeyring } from "./config-pii-keys";
import { base64url, fromBase64url } from "./ids";

/**
 * PII (phones, emails, addresses, message content) is stored AES-256-GCM encrypted, and found by
 * an HMAC-SHA256 "blind index" so equality lookups never need the plaintext.
 *
 * Keys are versioned: PII_ENCRYPTION_KEYS is a list of `{ id, key }`; the first encrypts, every
 * one decrypts, and each ciphertext starts with the id of its key (`<id>.<iv|sealed>`). Rotating is
 * putting a new key first, re-encrypting the stored rows (the privacy domain's rotation job) and
 * then removing the old key: docs/privacy.md. The former single PII_ENCRYPTION_KEY reads as the key
 * with id "v1", the id every ciphertext written before versioned keys carries.
 */
export interface PiiKeys extends PiiKeySource {
  PII_HASH_KEY: string;
}

interface Keyring {
  /** The id new ciphertexts carry. */
  newest: string;
  keys: Map<string, Promise<CryptoKey>>;
}

const rings = new Map<string, Keyring>();
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function keyring(keys: PiiKeySource): Keyring {
  const cacheKey = `${keys.PII_ENCRYPTION_KEYS ?? ""}\n${keys.PII_ENCRYPTION_KEY ?? ""}`;
  let ring = rings.get(cacheKey);
  if (!ring) {
    const list = parsePiiKeyring(keys);
    ring = {
      newest: list[0].id,
      keys: new Map(
        list.map((k) => [
          k.id,
          crypto.subtle.importKey("raw", fromBase64url(k.key), "AES-GCM", false, ["encrypt", "decrypt"]),
        ]),
      ),
    };
    rings.set(cacheKey, ring);
  }
  return ring;
}

function hmacKey(raw: string): Promise<CryptoKey> {
  let key = hmacKeys.get(raw);
  if (!key) {
    const bytes = fromBase64url(raw);
    if (bytes.length !== 32) throw new Error("PII_HASH_KEY must be 32 bytes of base64url");
    key = crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    hmacKeys.set(raw, key);
  }
  return key;
}

export async function encryptPii(keys: PiiKeySource, plaintext: string): Promise<string> {
  const ring = keyring(keys);
  const key = await ring.keys.get(ring.newest)!;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(plaintext)),
  );
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return `${ring.newest}.${base64url(out)}`;
}

export async function decryptPii(keys: PiiKeySource, stored: string): Promise<string> {
  const id = piiKeyIdOf(stored);
  const payload = stored.slice(id.length + 1);
  const key = keyring(keys).keys.get(id);
  if (!key || !payload) {
    throw new Error(`PII ciphertext under key "${id}", which PII_ENCRYPTION_KEYS does not hold`);
  }
  const bytes = fromBase64url(payload);
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12) }, await key, bytes.slice(12));
  return new TextDecoder().decode(plain);
}

/** The id of the key a ciphertext was made with. */
export function piiKeyIdOf(stored: string): string {
  const dot = stored.indexOf(".");
  return dot < 0 ? "" : stored.slice(0, dot);
}

/** The id new ciphertexts carry (the first of PII_ENCRYPTION_KEYS). */
export function newestPiiKeyId(keys: PiiKeySource): string {
  return keyring(keys).newest;
}

/** The same plaintext under the newest key, or null when `stored` is under it already. */
export async function reencryptPii(keys: PiiKeySource, stored: string): Promise<string | null> {
  if (piiKeyIdOf(stored) === newestPiiKeyId(keys)) return null;
  return encryptPii(keys, await decryptPii(keys, stored));
}

/** Deterministic keyed hash of a normalized value (E.164 phone, lower-cased email). */
export async function piiLookupHash(keys: Pick<PiiKeys, "PII_HASH_KEY">, normalized: string): Promise<string> {
  const key = await hmacKey(keys.PII_HASH_KEY);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(normalized));
  return base64url(new Uint8Array(mac));
}
