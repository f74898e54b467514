import type { z } from "@hono/zod-openapi";
import { ApiError } from "./errors";
import { base64url, fromBase64url } from "./ids";

/**
 * Keyset pagination. A cursor is the opaque encoding of the last item's sort key; a page is read
 * with `limit + 1` rows so we know whether another page exists without counting.
 */
export function encodeCursor(key: unknown): string {
  return base64url(new TextEncoder().encode(JSON.stringify(key)));
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, schema: T): z.infer<T> | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(fromBase64url(cursor)));
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new ApiError(
      "validation_failed",
      "The cursor is not one this list gave out. Pass nextCursor from the previous page unchanged, or omit it to start over.",
      {
        errors: [{ path: "cursor", message: "Unknown or malformed cursor" }],
      },
    );
  }
  return result.data;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cuts `rows` (fetched with limit + 1) to a page and derives nextCursor from the last item kept. */
export function toPage<Row, Item = Row>(
  rows: readonly Row[],
  limit: number,
  cursorKey: (row: Row) => unknown,
  present: (row: Row) => Item = (row) => row as unknown as Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(cursorKey(last)) : null,
  };
}
