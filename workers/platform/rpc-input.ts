import type { z } from "zod";

/** A Durable Object's answer to an RPC input that does not match its schema. */
export interface InvalidArgument {
  ok: false;
  code: "invalid_argument";
  message: string;
}

/**
 * Checks a Durable Object's RPC input against its zod schema at the object's boundary: the parsed
 * value, or an `invalid_argument` outcome naming the first problem (objects answer outcomes as
 * values, never throw for bad input).
 */
export function parseRpcInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | InvalidArgument {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { ok: false, code: "invalid_argument", message: `${where}${issue?.message ?? "invalid input"}` };
}
