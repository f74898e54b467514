import { eq, sql } from "drizzle-orm";
import { piiRotationCursors } from "../../d1/schema/privacy";
import { CHAT_ENCRYPTED_COLUMNS, dialogIdsAfter, reencryptRoomPage } from "../chat";
import { DISBURSEMENT_ENCRYPTED_COLUMNS } from "../disbursements";
import { PAYOUT_ENCRYPTED_COLUMNS } from "../earnings";
import { IDENTITY_ENCRYPTED_COLUMNS } from "../identity";
import { MESSAGE_ENCRYPTED_COLUMNS } from "../messaging";
import { NOTIFICATION_ENCRYPTED_COLUMNS } from "../notifications";
import { ORDER_ENCRYPTED_COLUMNS } from "../orders";
import { readConfig } from "../platform/config";
import { type Database, database, nowMs } from "../platform/db";
import { newestPiiKeyId } from "../platform/pii";
import { type EncryptedColumns, reencryptPage, rowsNotOnKey } from "../platform/pii-rotation";
import { SHOP_ENCRYPTED_COLUMNS } from "../shops";
import { reencryptWalletPage, WALLET_PII_TARGET } from "../wallet";

/**
 * The PII key rotation job (runbook: docs/privacy.md): re-encrypts every encrypted column to the
 * newest key of PII_ENCRYPTION_KEYS, a batch at a time, with a cursor per target (a table, or the
 * chat rooms) in `pii_rotation_cursors`. An admin starts or continues it (POST
 * /api/v1/admin/pii-rotation); the minute cron continues a started rotation until it is done. A
 * run that stops anywhere resumes from the cursors; a batch repeated after a crash changes nothing
 * (values already under the newest key are skipped).
 */

const D1_TARGETS: EncryptedColumns[] = [
  ...IDENTITY_ENCRYPTED_COLUMNS,
  ORDER_ENCRYPTED_COLUMNS,
  MESSAGE_ENCRYPTED_COLUMNS,
  NOTIFICATION_ENCRYPTED_COLUMNS,
  SHOP_ENCRYPTED_COLUMNS,
  ...CHAT_ENCRYPTED_COLUMNS,
  DISBURSEMENT_ENCRYPTED_COLUMNS,
  PAYOUT_ENCRYPTED_COLUMNS,
];
/** The messages in every ChatRoom object. Cursor: "<dialog id>:<seq done>". */
const ROOMS = "chat_rooms";
/** The bank fields of withdrawals in every Wallet object. Cursor: the last user id done. */
const WALLETS = WALLET_PII_TARGET;
const TARGETS = [...D1_TARGETS.map((t) => t.table), ROOMS, WALLETS];

type CursorRow = typeof piiRotationCursors.$inferSelect;

interface Progress {
  cursor: string | null;
  done: boolean;
  rewritten: number;
  unreadable: number;
}

function progressWrite(db: Database, keyId: string, target: string, p: Progress) {
  const now = nowMs();
  return db
    .insert(piiRotationCursors)
    .values({
      keyId,
      target,
      cursor: p.cursor,
      rewritten: p.rewritten,
      unreadable: p.unreadable,
      doneAt: p.done ? now : null,
      startedAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [piiRotationCursors.keyId, piiRotationCursors.target],
      set: {
        cursor: p.cursor,
        rewritten: sql`${piiRotationCursors.rewritten} + ${p.rewritten}`,
        unreadable: sql`${piiRotationCursors.unreadable} + ${p.unreadable}`,
        doneAt: p.done ? now : null,
        updatedAt: now,
      },
    });
}

/** The cursor's upsert as a D1 statement, to go in one batch with the rows it covers. */
function progressStatement(env: Env, keyId: string, target: string, p: Progress): D1PreparedStatement {
  const query = progressWrite(database(env), keyId, target, p).toSQL();
  return env.DB.prepare(query.sql).bind(...query.params);
}

/** One batch of a D1 table; where the table stands after it. */
async function tableBatch(env: Env, keyId: string, target: EncryptedColumns, from: string | null) {
  const page = await reencryptPage(env, target, from, readConfig(env).privacy.rotationBatchSize);
  const progress = { cursor: page.last, done: page.done, rewritten: page.rewritten, unreadable: page.unreadable };
  // The commit point of a batch: the re-encrypted rows and the cursor past them, one D1 batch.
  await env.DB.batch([...page.writes, progressStatement(env, keyId, target.table, progress)]);
  return progress;
}

/**
 * One page of the rooms: the next page of the current room, or the first of the next room. The
 * room's write comes first, then the cursor; a crash between them repeats the page, which then
 * finds its contents under the newest key already and rewrites nothing.
 */
async function roomsBatch(env: Env, keyId: string, from: string | null): Promise<Progress> {
  const [current, seqText] = from ? from.split(":") : [null, "done"];
  let dialogId = current;
  let afterSeq = Number(seqText);
  if (seqText === "done") {
    [dialogId] = await dialogIdsAfter(database(env), current, 1);
    afterSeq = 0;
    if (!dialogId) {
      const finished = { cursor: from, done: true, rewritten: 0, unreadable: 0 };
      await progressStatement(env, keyId, ROOMS, finished).run();
      return finished;
    }
  }
  const page = await reencryptRoomPage(env, dialogId!, afterSeq, readConfig(env).privacy.rotationBatchSize);
  const progress = {
    cursor: `${dialogId}:${page.done ? "done" : page.last}`,
    done: false,
    rewritten: page.rewritten,
    unreadable: page.unreadable,
  };
  await progressStatement(env, keyId, ROOMS, progress).run();
  return progress;
}

/** One page of the Wallet objects: their re-encrypted bank fields first, then the cursor past them. */
async function walletsBatch(env: Env, keyId: string, from: string | null): Promise<Progress> {
  const page = await reencryptWalletPage(env, from, readConfig(env).privacy.rotationBatchSize);
  const progress = { cursor: page.last, done: page.done, rewritten: page.rewritten, unreadable: page.unreadable };
  await progressStatement(env, keyId, WALLETS, progress).run();
  return progress;
}

/**
 * Continues (or starts) the rotation to the newest key for at most `batches` batches, target after
 * target, and answers where it stands. `restart` forgets the cursors first: every row is visited
 * again (those already on the newest key cost a read and nothing else).
 */
export async function runPiiRotation(env: Env, options: { batches?: number; restart?: boolean } = {}) {
  const keyId = newestPiiKeyId(env);
  const db = database(env);
  if (options.restart) await db.delete(piiRotationCursors).where(eq(piiRotationCursors.keyId, keyId));
  const cursors = await cursorsOf(db, keyId);
  let budget = options.batches ?? readConfig(env).privacy.rotationBatchesPerRun;
  for (const target of TARGETS) {
    const row = cursors.get(target);
    if (row?.doneAt) continue;
    const table = D1_TARGETS.find((t) => t.table === target);
    let at: Progress = { cursor: row?.cursor ?? null, done: false, rewritten: 0, unreadable: 0 };
    while (!at.done && budget > 0) {
      budget -= 1;
      if (table) at = await tableBatch(env, keyId, table, at.cursor);
      else if (target === WALLETS) at = await walletsBatch(env, keyId, at.cursor);
      else at = await roomsBatch(env, keyId, at.cursor);
    }
    if (!at.done) break;
  }
  return rotationStatus(env);
}

/** The minute cron: continues a rotation an admin started for the newest key, until it is done. */
export async function continuePiiRotation(env: Env): Promise<boolean> {
  const keyId = newestPiiKeyId(env);
  const cursors = await cursorsOf(database(env), keyId);
  if (cursors.size === 0 || TARGETS.every((t) => cursors.get(t)?.doneAt)) return false;
  await runPiiRotation(env);
  return true;
}

async function cursorsOf(db: Database, keyId: string): Promise<Map<string, CursorRow>> {
  const rows = await db.select().from(piiRotationCursors).where(eq(piiRotationCursors.keyId, keyId));
  return new Map(rows.map((r) => [r.target, r]));
}

/**
 * Where the rotation to the newest key stands, with the rows of each table still holding a value
 * under another key: the runbook's check before an old key is removed.
 */
export async function rotationStatus(env: Env) {
  const keyId = newestPiiKeyId(env);
  const cursors = await cursorsOf(database(env), keyId);
  const targets = await Promise.all(
    TARGETS.map(async (target) => {
      const row = cursors.get(target);
      const table = D1_TARGETS.find((t) => t.table === target);
      return {
        target,
        done: Boolean(row?.doneAt),
        rewritten: row?.rewritten ?? 0,
        unreadable: row?.unreadable ?? 0,
        remaining: table ? await rowsNotOnKey(env, table, keyId) : null,
      };
    }),
  );
  return {
    keyId,
    keyIds: readConfig(env).privacy.piiKeyIds,
    started: cursors.size > 0,
    done: targets.every((t) => t.done),
    targets,
  };
}
