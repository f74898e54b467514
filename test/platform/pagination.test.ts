import { z } from "@hono/zod-openapi";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../workers/platform/errors";
import { base64url } from "../../workers/platform/ids";
import { decodeCursor, encodeCursor, toPage } from "../../workers/platform/pagination";

const KeySchema = z.object({ createdAt: z.number().int(), id: z.string().min(1) });

function expectBadCursor(cursor: string, schema: z.ZodType = KeySchema) {
  let thrown: unknown;
  try {
    decodeCursor(cursor, schema);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ApiError);
  const error = thrown as ApiError;
  expect(error.status).toBe(422);
  expect(error.code).toBe("validation_failed");
  expect(error.errors).toEqual([{ path: "cursor", message: expect.any(String) }]);
}

describe("cursor encoding", () => {
  it("round-trips a sort key", () => {
    const key = { createdAt: 1_767_225_600_000, id: "ord_01JD3Q0000000000000000000" };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, KeySchema)).toEqual(key);
    expect(decodeCursor(encodeCursor("dob_01ABC"), z.string())).toBe("dob_01ABC");
  });

  it("property: any key the schema accepts round-trips, through non-ASCII text too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 }), fc.string({ minLength: 1, unit: "grapheme" }), (n, s) => {
        const key = { createdAt: n, id: s };
        expect(decodeCursor(encodeCursor(key), KeySchema)).toEqual(key);
      }),
    );
  });

  it("treats a missing or empty cursor as the first page", () => {
    expect(decodeCursor(undefined, KeySchema)).toBeUndefined();
    expect(decodeCursor("", KeySchema)).toBeUndefined();
  });

  it("answers a tampered or foreign cursor with a 422 on path cursor", () => {
    const good = encodeCursor({ createdAt: 1, id: "a" });
    expectBadCursor("not a cursor!");
    expectBadCursor("%%%");
    expectBadCursor(`${good.slice(0, -3)}x`);
    expectBadCursor(`${good}AAAA`);
    expectBadCursor(base64url(new TextEncoder().encode("{not json")));
    expectBadCursor(encodeCursor({ createdAt: "yesterday", id: "a" }));
    expectBadCursor(encodeCursor({ createdAt: 1 }));
    expectBadCursor(encodeCursor(null));
    expectBadCursor(encodeCursor(42), z.string());
  });

  it("property: random strings are either a valid cursor or a 422, never another error", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (cursor) => {
        try {
          const key = decodeCursor(cursor, KeySchema);
          expect(KeySchema.safeParse(key).success).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError);
          expect((err as ApiError).status).toBe(422);
        }
      }),
    );
  });
});

describe("toPage", () => {
  const rows = Array.from({ length: 11 }, (_, i) => ({ id: `row_${String(100 - i).padStart(3, "0")}`, n: i }));

  it("with limit + 1 rows keeps exactly limit items and points nextCursor at the last kept one", () => {
    const page = toPage(rows, 10, (r) => r.id);
    expect(page.items).toHaveLength(10);
    expect(page.items).toEqual(rows.slice(0, 10));
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor ?? "", z.string())).toBe(rows[9].id);
  });

  it("gives nextCursor null on the last page", () => {
    expect(toPage(rows.slice(0, 10), 10, (r) => r.id)).toEqual({ items: rows.slice(0, 10), nextCursor: null });
    expect(toPage(rows.slice(0, 3), 10, (r) => r.id)).toEqual({ items: rows.slice(0, 3), nextCursor: null });
    expect(toPage([], 10, (r: { id: string }) => r.id)).toEqual({ items: [], nextCursor: null });
  });

  it("presents rows as items", () => {
    const page = toPage(
      rows,
      2,
      (r) => ({ id: r.id, n: r.n }),
      (r) => r.n,
    );
    expect(page.items).toEqual([0, 1]);
    expect(decodeCursor(page.nextCursor ?? "", z.object({ id: z.string(), n: z.number() }))).toEqual({
      id: rows[1].id,
      n: 1,
    });
  });

  it("property: walking pages by cursor visits every row once, in order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 }), (count, limit) => {
        const all = Array.from({ length: count }, (_, i) => i);
        const seen: number[] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard <= count + 1; guard++) {
          const after = decodeCursor(cursor, z.number().int());
          const fetched = all.filter((n) => after === undefined || n > after).slice(0, limit + 1);
          const page = toPage(fetched, limit, (n) => n);
          seen.push(...page.items);
          expect(page.items.length).toBeLessThanOrEqual(limit);
          if (page.nextCursor === null) break;
          cursor = page.nextCursor;
        }
        expect(seen).toEqual(all);
      }),
    );
  });
});
