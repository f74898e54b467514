// The audit chain's hash in Node, for `npm run ops:audit-verify`: the same canonical serialisation
// as workers/identity/audit-hash.ts (test/identity/audit-hash.static.test.ts keeps them equal).
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level. */
export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A row as D1 returns it (snake_case columns, `data` as JSON text) and the previous hash. */
export function auditRowHash(row, prevHash) {
  const data = typeof row.data === "string" ? JSON.parse(row.data) : row.data;
  const text = canonicalJson([
    row.seq,
    row.id,
    row.type,
    row.user_id,
    row.actor_id,
    row.session_id,
    row.ip_hash,
    data,
    row.created_at,
    prevHash,
  ]);
  return createHash("sha256").update(text).digest("hex");
}

/** Checks rows given in seq order, continuing from `state`; returns the state or the first broken row. */
export function verifyRows(rows, state = { expected: 1, prevHash: GENESIS_HASH, checked: 0 }) {
  let { expected, prevHash, checked } = state;
  for (const row of rows) {
    const intact = row.seq === expected && row.prev_hash === prevHash && row.hash === auditRowHash(row, prevHash);
    if (!intact) return { broken: row.id, expected, prevHash, checked };
    prevHash = row.hash;
    expected += 1;
    checked += 1;
  }
  return { broken: null, expected, prevHash, checked };
}
