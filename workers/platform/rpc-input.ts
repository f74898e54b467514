import type { z } from "zod";

/**
 * What a Durable Object answers when a call's arguments are malformed. Outcomes cross RPC as values
 * (a thrown error would arrive as its name and message only), so this is returned, never thrown.
 */
export interface InvalidArgument {
  ok: false;
  code: "invalid_argument";
  message: string;
}

/**
 * Checks a Durable Object's RPC input against its zod schema: the parsed value, or the
 * invalid_argument outcome naming every wrong field. RPC callers are our own Worker, so a failure
 * here is a bug in the caller, reported plainly rather than thrown inside the object.
 */
export function parseRpcInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | InvalidArgument {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues
    .map((issue) => `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
    .join("; ");
  return { ok: false, code: "invalid_argument", message };
}
