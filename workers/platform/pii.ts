import { base64url, fromBase64url } from "./ids";

/**
 * PII (phones, emails, addresses, message content) is stored AES-256-GCM encrypted, and found by
 * an HMAC-SHA256 "blind index" so equality lookups never need the plaintext. Ciphertexts carry a
 * key version ("v1.") so the key can be rotated: new writes use the newest key, old rows still read.
 */
export interface PiiKeys {
  PII_ENCRYPTION_KEY: string;
  PII_HASH_KEY: string;
}

const VERSION = "v1";
const keyCache = new Map<string, Promise<CryptoKey>>();

function importKey(raw: string, usage: "aes" | "hmac"): Promise<CryptoKey> {
  const cacheKey = `${usage}:${raw}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    const bytes = fromBase64url(raw);
    if (bytes.length !== 32) throw new Error(`PII ${usage} key must be 32 bytes of base64`);
    key =
      usage === "aes"
        ? crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"])
        : crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keyCache.set(cacheKey, key);
  }
  return key;
}

export async function encryptPii(keys: PiiKeys, plaintext: string): Promise<string> {
  const key = await importKey(keys.PII_ENCRYPTION_KEY, "aes");
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(plaintext)),
  );
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return `${VERSION}.${base64url(out)}`;
}

export async function decryptPii(keys: PiiKeys, stored: string): Promise<string> {
  const [version, payload] = stored.split(".", 2);
  if (version !== VERSION || !payload) throw new Error(`Unknown PII ciphertext version: ${version}`);
  const key = await importKey(keys.PII_ENCRYPTION_KEY, "aes");
  const bytes = fromBase64url(payload);
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12) }, key, bytes.slice(12));
  return new TextDecoder().decode(plain);
}

/** Deterministic keyed hash of a normalized value (E.164 phone, lower-cased email). */
export async function piiLookupHash(keys: PiiKeys, normalized: string): Promise<string> {
  const key = await importKey(keys.PII_HASH_KEY, "hmac");
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(normalized));
  return base64url(new Uint8Array(mac));
}
