import { describe, expect, it } from "vitest";
import { auditRowHash as nodeHash, verifyRows } from "../../scripts/audit-chain.mjs";
import { auditRowHash, GENESIS_HASH } from "../../workers/identity/audit-hash";

const row = {
  seq: 1,
  id: "aud_01JD3Q0000000000000000000",
  type: "sign_in",
  userId: "usr_1",
  actorId: "usr_1",
  sessionId: null,
  ipHash: "abc",
  data: { method: "password", nested: { b: 2, a: [1, "ü"] } },
  createdAt: 1_764_979_200_000,
};
const asD1 = (r: typeof row, prevHash: string, hash: string) => ({
  id: r.id,
  type: r.type,
  user_id: r.userId,
  actor_id: r.actorId,
  session_id: r.sessionId,
  ip_hash: r.ipHash,
  // D1 keeps the JSON as written, keys in any order: the canonical form must not care.
  data: JSON.stringify({ nested: { a: [1, "ü"], b: 2 }, method: "password" }),
  created_at: r.createdAt,
  seq: r.seq,
  prev_hash: prevHash,
  hash,
});

describe("audit chain hash: Worker and ops script agree", () => {
  it("hashes the same row to the same value, and the script verifies the Worker's chain", async () => {
    const first = await auditRowHash(row, GENESIS_HASH);
    expect(nodeHash(asD1(row, GENESIS_HASH, first), GENESIS_HASH)).toBe(first);
    const next = { ...row, seq: 2, id: "aud_01JD3Q0000000000000000001", type: "logout" };
    const second = await auditRowHash(next, first);
    const rows = [asD1(row, GENESIS_HASH, first), asD1(next, first, second)];
    expect(verifyRows(rows)).toMatchObject({ broken: null, checked: 2 });
    expect(verifyRows([rows[0], { ...rows[1], type: "sign_in" }])).toMatchObject({ broken: next.id, checked: 1 });
    expect(verifyRows([rows[1]])).toMatchObject({ broken: next.id, checked: 0 });
  });
});
