import { ApiError } from "../platform/errors";

/** The numeric seq behind a chat page's cursor (`nextCursor` is the seq to continue before). */
export function seqCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  if (!/^[1-9]\d{0,15}$/.test(cursor)) {
    throw new ApiError("validation_failed", "The cursor is not one this list gave out. Pass nextCursor unchanged.", {
      errors: [{ path: "cursor", message: "Unknown or malformed cursor" }],
    });
  }
  return Number(cursor);
}
