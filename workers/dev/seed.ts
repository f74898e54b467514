import { z } from "@hono/zod-openapi";
import { seedRuns } from "../../d1/schema/dev";
import { seedBrands, seedCategories, seedProducts } from "../catalog";
import { seedAdmin } from "../identity";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { createRouter, defineRoute } from "../platform/openapi";
import { seedSynonyms } from "../search";
import { seedShops } from "../shops";

interface Seeder {
  name: string;
  /** Bump to run a changed seeder again on databases that ran an older version. */
  version: number;
  run(env: Env, db: Database): Promise<Record<string, number>>;
}

/** Demo data for local development, in dependency order. */
const SEEDERS: Seeder[] = [
  { name: "admin", version: 1, run: seedAdmin },
  { name: "categories", version: 1, run: (_env, db) => seedCategories(db) },
  { name: "brands", version: 1, run: (_env, db) => seedBrands(db) },
  { name: "shops", version: 1, run: seedShops },
  { name: "products", version: 1, run: seedProducts },
  { name: "search-synonyms", version: 1, run: (_env, db) => seedSynonyms(db) },
];

const SeedResultSchema = z
  .object({
    ran: z.array(z.object({ name: z.string(), version: z.number(), summary: z.record(z.string(), z.number()) })),
    skipped: z.array(z.string()),
  })
  .openapi("SeedResult");

export const runSeedRoute = defineRoute({
  method: "post",
  path: "/api/v1/dev/seed",
  tags: ["Dev"],
  summary: "Seed demo data once (local only)",
  description: "Runs each demo-data seeder that has not run on this database yet. Exists only when DEV_OUTBOX is on.",
  responses: {
    200: {
      description: "What ran and what was already there",
      content: { "application/json": { schema: SeedResultSchema } },
    },
  },
  errors: [404],
});

export const seedRouter = createRouter().openapi(runSeedRoute, async (c) => {
  if (!c.get("config").devOutbox) throw new ApiError("not_found", "Nothing exists at this address.");
  const db = database(c.env);
  const done = new Map((await db.select().from(seedRuns)).map((r) => [r.name, r.version]));
  const ran: z.infer<typeof SeedResultSchema>["ran"] = [];
  const skipped: string[] = [];
  for (const seeder of SEEDERS) {
    if ((done.get(seeder.name) ?? 0) >= seeder.version) {
      skipped.push(seeder.name);
      continue;
    }
    const summary = await seeder.run(c.env, db);
    await db
      .insert(seedRuns)
      .values({ name: seeder.name, version: seeder.version, summary: JSON.stringify(summary), ranAt: nowMs() })
      .onConflictDoUpdate({
        target: seedRuns.name,
        set: { version: seeder.version, summary: JSON.stringify(summary), ranAt: nowMs() },
      });
    ran.push({ name: seeder.name, version: seeder.version, summary });
  }
  return c.json({ ran, skipped }, 200);
});
