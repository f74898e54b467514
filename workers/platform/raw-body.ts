import type { HonoRequest } from "hono";

/**
 * A request's body as the exact text sent (signatures and idempotency hashes are computed over
 * it), read as bytes: workerd warns on `.text()` of a form-encoded body, and a provider's
 * callback is often form-encoded. Hono keeps the bytes, so a later `.json()` or form parse
 * still works.
 */
export async function rawBodyText(req: HonoRequest): Promise<string> {
  return new TextDecoder().decode(await req.arrayBuffer());
}
