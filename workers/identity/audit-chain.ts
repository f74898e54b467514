import { and, asc, count, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { auditEvents } from "../../d1/schema/identity";
import { type Database, isUniqueViolation } from "../platform/db";
import { auditRowHash, GENESIS_HASH } from "./audit-hash";

/**
 * The tamper-evident audit log. Writers only append rows (in their own batches, anywhere); a
 * sealer (the minute cron, and the verifier before it checks) then chains the unsealed rows in
 * (createdAt, id) order: each gets the next `seq`, the hash of the row before and its own hash.
 *
 * Sealers may run at once without forking the chain: `seq` is unique, a row is sealed only while
 * it has no hash, and a row is linked only if the row before it in the chain really holds the
 * previous hash it was computed with. A sealer that lost a race fails or changes nothing; the
 * next run picks up where the chain ends.
 */

const SEAL_BATCH = 100;
const VERIFY_PAGE = 500;

type AuditRow = typeof auditEvents.$inferSelect;

/** Seals up to `maxRows` unsealed rows; how many this call sealed. */
export async function sealAuditChain(db: Database, maxRows = 2000): Promise<number> {
  let sealed = 0;
  while (sealed < maxRows) {
    const last = await db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(isNotNull(auditEvents.seq))
      .orderBy(desc(auditEvents.seq))
      .limit(1)
      .get();
    const rows = await db
      .select()
      .from(auditEvents)
      .where(isNull(auditEvents.hash))
      .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id))
      .limit(Math.min(SEAL_BATCH, maxRows - sealed));
    if (rows.length === 0) break;
    const writes = await sealWrites(db, rows, last?.seq ?? 0, last?.hash ?? GENESIS_HASH);
    try {
      const results = await db.batch(writes as [(typeof writes)[number], ...typeof writes]);
      const done = results.reduce((n, r) => n + r.length, 0);
      // Another sealer sealed these first: the chain is theirs, this run stops.
      if (done === 0) break;
      sealed += done;
    } catch (err) {
      if (isUniqueViolation(err)) break;
      throw err;
    }
  }
  return sealed;
}

async function sealWrites(db: Database, rows: AuditRow[], lastSeq: number, lastHash: string) {
  const writes = [];
  let prevHash = lastHash;
  let seq = lastSeq;
  for (const row of rows) {
    seq += 1;
    const hash = await auditRowHash({ ...row, seq }, prevHash);
    const previousSeq = seq - 1;
    writes.push(
      db
        .update(auditEvents)
        .set({ seq, prevHash, hash })
        .where(
          and(
            eq(auditEvents.id, row.id),
            isNull(auditEvents.hash),
            previousSeq === 0
              ? sql`NOT EXISTS (SELECT 1 FROM audit_events WHERE seq IS NOT NULL)`
              : sql`(SELECT hash FROM audit_events WHERE seq = ${previousSeq}) = ${prevHash}`,
          ),
        )
        .returning({ id: auditEvents.id }),
    );
    prevHash = hash;
  }
  return writes;
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstBrokenId: string | null;
  unsealed: number;
}

/**
 * Walks the chain from its first row: each row must sit at the next `seq` (a gap means a row was
 * deleted: the row after it is named), link the previous row's hash and hash to what it holds
 * (an edited row is named itself).
 */
export async function verifyAuditChain(db: Database): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(isNotNull(auditEvents.seq), gt(auditEvents.seq, expected - 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(VERIFY_PAGE);
    for (const row of rows) {
      const intact =
        row.seq === expected &&
        row.prevHash === prevHash &&
        row.hash === (await auditRowHash({ ...row, seq: expected }, prevHash));
      if (!intact) return { valid: false, checked, firstBrokenId: row.id, unsealed: await unsealedCount(db) };
      prevHash = row.hash ?? "";
      expected += 1;
      checked += 1;
    }
    if (rows.length < VERIFY_PAGE) break;
  }
  return { valid: true, checked, firstBrokenId: null, unsealed: await unsealedCount(db) };
}

async function unsealedCount(db: Database): Promise<number> {
  const row = await db.select({ n: count() }).from(auditEvents).where(isNull(auditEvents.hash)).get();
  return row?.n ?? 0;
}
