import { applyD1Migrations, env } from "cloudflare:test";
import { afterAll, beforeAll } from "vitest";

/**
 * Drops every table, view and trigger of D1 and migrates it again: an empty database at the
 * current schema. Dropping, not deleting, because audit_events refuses DELETE by trigger, and
 * virtual (FTS5) tables take their shadow tables with them.
 */
export async function resetDatabase(): Promise<void> {
  const { results } = await env.DB.prepare(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND type IN ('table', 'view', 'trigger')",
  ).all<{ type: string; name: string; sql: string | null }>();
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const rank = (r: { type: string; sql: string | null }) =>
    r.type === "trigger" ? 0 : r.type === "view" ? 1 : /^CREATE VIRTUAL TABLE/i.test(r.sql ?? "") ? 2 : 3;
  const ordered = [...results].sort((a, b) => rank(a) - rank(b));
  // One at a time: a virtual table's drop removes its shadow tables, which IF EXISTS then skips.
  for (const r of ordered) {
    const kind = r.type === "trigger" ? "TRIGGER" : r.type === "view" ? "VIEW" : "TABLE";
    await env.DB.prepare(`DROP ${kind} IF EXISTS ${quoted(r.name)}`).run();
  }
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
}

/**
 * For a file whose assertions are about the whole database (every row, every product in the
 * search index, the demo seed, a job over all tables): test files share one runtime and its
 * storage (vitest.config.ts, isolate: false), so this file starts on an empty database and
 * leaves one behind for the next file. Durable Objects keep their state: their ids are the
 * file's own anyway. Prefer reading only the test's own rows where that expresses the test.
 */
export function useFreshStorage(): void {
  beforeAll(resetDatabase, 60_000);
  afterAll(resetDatabase, 60_000);
}
