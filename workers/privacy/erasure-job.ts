import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import { accountErasures, type ErasureStep } from "../../d1/schema/privacy";
import { dialogIdsOf, eraseSenderInRoom } from "../chat";
import { payoutDetailsStillInUse, payoutErasureWrites } from "../earnings";
import { eraseUploadsOf, UPLOAD_MAX_LIFE_MS } from "../media";
import { addressesStillInUse, customerOrderErasureWrites } from "../orders";
import { readConfig } from "../platform/config";
import { type Database, database, nowMs } from "../platform/db";

/**
 * The part of an account's erasure that D1's batch cannot do (erasure.ts writes the job): the
 * messages in each chat room the account is in, its uploads in R2, and the addresses of its orders
 * still on their way. Each step records its progress in `account_erasures` as it goes, so a run
 * that stops (a crash, the end of a request's waitUntil, a spent budget) is resumed by the next one
 * from there. Every step is idempotent: repeating the last unit before a crash changes nothing.
 */

type Job = typeof accountErasures.$inferSelect;

/** Room and R2 calls one run makes before it leaves the rest to the next run (the minute cron). */
const CALLS_PER_RUN = 100;
const DIALOGS_PER_PAGE = 50;

export interface ErasureRunOptions {
  /** Only this account's job (the DELETE request's own run). */
  userId?: string;
  /** Room and R2 calls this run may make. */
  calls?: number;
}

/**
 * Takes the open jobs nobody holds (their lease passed) and advances each as far as the budget
 * allows. Returns how many jobs finished. Run after DELETE /users/me and by the minute cron.
 */
export async function runAccountErasures(env: Env, options: ErasureRunOptions = {}): Promise<number> {
  const config = readConfig(env).privacy;
  const db = database(env);
  const now = nowMs();
  const open = db
    .select({ userId: accountErasures.userId })
    .from(accountErasures)
    .where(
      and(
        isNull(accountErasures.completedAt),
        lt(accountErasures.leaseUntil, now),
        options.userId ? eq(accountErasures.userId, options.userId) : undefined,
      ),
    )
    .limit(10);
  // Taking the lease is one conditional UPDATE: two runs never advance the same job at once.
  const jobs = await db
    .update(accountErasures)
    .set({ leaseUntil: now + config.erasureLeaseMs })
    .where(and(inArray(accountErasures.userId, open), lt(accountErasures.leaseUntil, now)))
    .returning();
  const budget = { calls: options.calls ?? CALLS_PER_RUN };
  let finished = 0;
  for (const job of jobs) {
    if (await advance(env, db, job, budget, config.erasureBatchSize)) finished += 1;
  }
  return finished;
}

/** Runs the job's steps from where it stands; true when it is complete. */
async function advance(env: Env, db: Database, job: Job, budget: { calls: number }, batch: number) {
  let { step, cursor } = job;
  const save = (next: ErasureStep, nextCursor: string | null, extra: Partial<Job> = {}) => {
    step = next;
    cursor = nextCursor;
    return db
      .update(accountErasures)
      .set({ step: next, cursor: nextCursor, updatedAt: nowMs(), ...extra })
      .where(eq(accountErasures.userId, job.userId));
  };

  while (step === "chat") {
    const dialogIds = await dialogIdsOf(db, job.userId, cursor, DIALOGS_PER_PAGE);
    if (dialogIds.length === 0) await save("uploads", null);
    for (const dialogId of dialogIds) {
      let more = true;
      while (more) {
        if (budget.calls-- <= 0) return release(db, job.userId);
        more = await eraseSenderInRoom(env, dialogId, job.userId, batch);
      }
      // This room is done: the next run starts after it.
      await save("chat", dialogId);
    }
  }
  while (step === "uploads") {
    if (budget.calls-- <= 0) return release(db, job.userId);
    if (!(await eraseUploadsOf(env, job.userId, batch))) await save("orders", null);
  }
  // An upload begun before the deletion records its row after its bytes are in R2, maybe after
  // the uploads step ran: until no such upload can still land, each check erases late ones.
  const uploadsMayLand = nowMs() < job.requestedAt + UPLOAD_MAX_LIFE_MS;
  while (uploadsMayLand && (await eraseUploadsOf(env, job.userId, batch))) {
    if (budget.calls-- <= 0) return release(db, job.userId);
  }
  // Orders delivered or closed since the last run lose their address; the job waits (a lease
  // length between checks) while any order is still on its way or an upload may still land.
  // Payouts settled since lose their bank details the same way; the job waits for those on their way.
  const [first, ...rest] = [...customerOrderErasureWrites(db, job.userId), ...payoutErasureWrites(db, job.userId)];
  await db.batch([first, ...rest]);
  const inUse = (await addressesStillInUse(db, job.userId)) + (await payoutDetailsStillInUse(db, job.userId));
  if (uploadsMayLand || inUse > 0) {
    await save("orders", null);
    return false;
  }
  await save("done", null, { completedAt: nowMs(), leaseUntil: 0 });
  return true;
}

/** The budget ran out: progress is saved; free the job for the next run at once. */
async function release(db: Database, userId: string): Promise<false> {
  await db.update(accountErasures).set({ leaseUntil: 0 }).where(eq(accountErasures.userId, userId));
  return false;
}
