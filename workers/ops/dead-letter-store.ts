import { and, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { deadLetters, outboxEvents } from "../../d1/schema/platform";
import { type Database, inList } from "../platform/db";
import { ApiError } from "../platform/errors";
import { decodeCursor, type Page, toPage } from "../platform/pagination";

export interface DeadLetterView {
  id: string;
  queue: string;
  eventType: string | null;
  attempts: number;
  error: string | null;
  createdAt: string;
  body: string;
  replayable: boolean;
}

const CursorSchema = z.tuple([z.number().int(), z.string().min(1)]);

/** Dead letters, newest first: what operators inspect (and replay) when an event was given up. */
export async function deadLettersPage(
  db: Database,
  query: { limit: number; cursor?: string; eventType?: string },
): Promise<Page<DeadLetterView>> {
  const after = decodeCursor(query.cursor, CursorSchema);
  const rows = await db
    .select()
    .from(deadLetters)
    .where(
      and(
        query.eventType ? eq(deadLetters.eventType, query.eventType) : undefined,
        after
          ? or(
              lt(deadLetters.receivedAt, after[0]),
              and(eq(deadLetters.receivedAt, after[0]), lt(deadLetters.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(deadLetters.receivedAt), desc(deadLetters.id))
    .limit(query.limit + 1);
  const inOutbox = new Set(
    rows.length === 0
      ? []
      : (
          await db
            .select({ id: outboxEvents.id })
            .from(outboxEvents)
            .where(
              inList(
                outboxEvents.id,
                rows.map((r) => r.id),
              ),
            )
        ).map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.receivedAt, r.id],
    (r) => ({
      id: r.id,
      queue: r.queue,
      eventType: r.eventType,
      attempts: r.attempts,
      error: r.reason,
      createdAt: new Date(r.receivedAt).toISOString(),
      body: r.body,
      replayable: inOutbox.has(r.id),
    }),
  );
}

/**
 * Replays a dead-lettered event: its outbox row starts over (unpublished, no deliveries yet) and the
 * dead letter is removed, in one batch; the next drain publishes it and consumers that already
 * applied it skip it (exactly once by event id).
 */
export async function replayDeadLetter(db: Database, id: string): Promise<void> {
  const letter = await db.select({ id: deadLetters.id }).from(deadLetters).where(eq(deadLetters.id, id)).get();
  if (!letter)
    throw new ApiError("not_found", `No dead letter has the id ${id}. List them at /api/v1/admin/dead-letters.`);
  const event = await db.select({ id: outboxEvents.id }).from(outboxEvents).where(eq(outboxEvents.id, id)).get();
  if (!event) {
    throw new ApiError(
      "conflict",
      "This dead letter is not an event the outbox still holds (a malformed message, or one older than the outbox keeps), so it cannot be replayed.",
    );
  }
  await db.batch([
    db
      .update(outboxEvents)
      .set({ publishedAt: null, claimedUntil: null, attempts: 0, checkDelayMs: null, settledAt: null, outcome: null })
      .where(eq(outboxEvents.id, id)),
    db.delete(deadLetters).where(eq(deadLetters.id, id)),
  ]);
}
