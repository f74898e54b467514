import type { z } from "zod";

/**
 * Input checks at a Durable Object's RPC boundary. An object answers outcomes as values (RPC would
 * carry only a thrown error's name and message), so input the Worker should have checked first is
 * answered as an `invalid_argument` value, never thrown.
 */
export interface InvalidArgument {
  ok: false;
  code: "invalid_argument";
  message: string;
}

export function invalidArgument(message: string): InvalidArgument {
  return { ok: false, code: "invalid_argument", message };
}

/**
 * The input as `schema` parses it, or the InvalidArgument naming every wrong field ("quantity: Too
 * small: expected number to be >=1"). RPC arguments arrive as structured clones, so `input` may be
 * anything, including undefined. The callers are our own Worker: a failure is a bug in the caller.
 */
export function parseRpcInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | InvalidArgument {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return invalidArgument(
    parsed.error.issues
      .map((issue) => `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
      .join("; "),
  );
}
