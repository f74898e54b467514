import { z } from "zod";

/** Where the PII encryption keys come from (secrets): see parsePiiKeyring. */
export interface PiiKeySource {
  /** JSON list of `{ "id": "2026-11", "key": "<32 bytes, base64url>" }`, the encrypting key first. */
  PII_ENCRYPTION_KEYS?: string;
  /** The former single key, still accepted: it is the key with id "v1". */
  PII_ENCRYPTION_KEY?: string;
}

/** The id every ciphertext written with the single PII_ENCRYPTION_KEY carries. */
export const LEGACY_PII_KEY_ID = "v1";

/** 32 bytes in base64url: 43 characters of its alphabet (a trailing "=" tolerated). */
function is32Bytes(text: string): boolean {
  const bare = text.replace(/=$/, "");
  return /^[A-Za-z0-9_-]+$/.test(bare) && Math.floor((bare.length * 6) / 8) === 32;
}

const PiiKeyList = z
  .array(
    z.object({
      // The id prefixes each ciphertext ("<id>.<payload>"), so it holds no dot.
      id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "ids are 1-40 letters, digits, '-' or '_'"),
      key: z.string().refine(is32Bytes, "each key is 32 bytes, base64url"),
    }),
  )
  .min(1, "at least one key")
  .refine((list) => new Set(list.map((k) => k.id)).size === list.length, "key ids are unique");

/**
 * The PII encryption keys, the encrypting one first. PII_ENCRYPTION_KEYS wins; a PII_ENCRYPTION_KEY
 * still set beside it decrypts as "v1" (unless the list has a "v1"), and alone it is the whole
 * list. Throws a message naming the variable when neither is usable.
 */
export function parsePiiKeyring(source: PiiKeySource): { id: string; key: string }[] {
  const legacy = source.PII_ENCRYPTION_KEY ? [{ id: LEGACY_PII_KEY_ID, key: source.PII_ENCRYPTION_KEY }] : [];
  let list: unknown = legacy;
  if (source.PII_ENCRYPTION_KEYS) {
    try {
      list = JSON.parse(source.PII_ENCRYPTION_KEYS);
    } catch {
      throw new Error("PII_ENCRYPTION_KEYS must be a JSON list of { id, key }");
    }
  }
  const parsed = PiiKeyList.safeParse(list);
  if (!parsed.success) {
    throw new Error(`PII_ENCRYPTION_KEYS (or PII_ENCRYPTION_KEY) is not usable: ${parsed.error.issues[0].message}`);
  }
  const keys = parsed.data;
  if (legacy.length && !keys.some((k) => k.id === LEGACY_PII_KEY_ID)) keys.push(...legacy);
  return keys;
}
