/**
 * Where new Durable Objects are asked to live (docs/data-residency.md): DO_LOCATION_HINT, "apac"
 * in staging and production, empty locally. Cloudflare takes it as a best-effort hint on the call
 * that creates an object (later calls change nothing: objects never move), so every stub of ours
 * is got with it; an object is otherwise created near the request that first reaches it, which for
 * a cron or an operator abroad may be outside Asia-Pacific. No APAC jurisdiction exists: this is
 * not a guarantee. An unknown value is ignored (no hint) rather than failing requests.
 */
const HINTS = ["wnam", "enam", "sam", "weur", "eeur", "apac", "oc", "afr", "me"] as const;

export function placement(env: { DO_LOCATION_HINT?: string }): DurableObjectNamespaceGetDurableObjectOptions {
  const hint = (env.DO_LOCATION_HINT ?? "").trim();
  return (HINTS as readonly string[]).includes(hint) ? { locationHint: hint as DurableObjectLocationHint } : {};
}
