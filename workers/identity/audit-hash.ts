import { sha256Hex } from "../platform/ids";

/**
 * The audit chain's hash of one row: SHA-256 (hex) over a canonical serialisation of the row's
 * content, its place and the previous row's hash. scripts/audit-verify.mjs computes the same in
 * Node (test/identity/audit-hash.static.test.ts keeps the two equal).
 */

/** The previous hash of the first row. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedRow {
  seq: number;
  id: string;
  type: string;
  userId: string | null;
  actorId: string | null;
  sessionId: string | null;
  ipHash: string | null;
  data: unknown;
  createdAt: number;
}

/** JSON with object keys sorted at every level, so the same content always serialises the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditRowHash(row: ChainedRow, prevHash: string): Promise<string> {
  return sha256Hex(
    canonicalJson([
      row.seq,
      row.id,
      row.type,
      row.userId,
      row.actorId,
      row.sessionId,
      row.ipHash,
      row.data,
      row.createdAt,
      prevHash,
    ]),
  );
}
