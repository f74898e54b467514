// The platform's own ceilings: plain Workers (no framework, none of our code) that each do one
// primitive a request of ours needs, served by the bench's Miniflare next to the app and the plain
// ceiling Worker (server.mjs), on their own host name, against the app's own D1 database and R2
// bucket. run.mjs measures, right before each scenario and at its connections, the plain ceiling
// and every primitive the scenario declares (`needs` in scenarios.mjs), and reports the scenario as
// a fraction of what the platform could do for that request here (`boundOf`).
//
//   d1-read        one D1 primary-key read (SELECT … WHERE id = ?, a random one of 1,000 rows)
//   d1-write       one D1 single-row write (UPDATE … WHERE id = ?: one commit)
//   do-read        one Durable Object RPC that reads (SQLite SELECT by primary key, one object)
//   do-write-hot   one Durable Object write (INSERT: one commit), always the SAME object
//   do-write-8     the same, each request the next of 8 objects (e.g. 8 stock shards)
//   do-write-new   the same in a NEW object each request (a new SQLite database)
//   cache-hit      one Cache API hit (caches.default.match of a 2 KB JSON body, the body read)
//   r2-head        one R2 HEAD (of a key that does not exist, as /ready asks)
//
// test/bench/commit-bound.mjs loads the same script on a Miniflare of its own (nothing else in it).

/** The host name whose requests Miniflare routes to the primitives Worker (send it as the Host header). */
export const PRIMITIVES_HOST = "primitives.bench.local";

/** The D1 table the primitives read and write, in the app's database (not a migration: bench only). */
const TABLE = "bench_primitive_rows";
const ROWS = 1_000;

/** Every primitive, in the order the `ceilings` scenario measures them: name → { path, title }. */
export const PRIMITIVES = {
  "d1-read": { path: "/d1-read", title: "one D1 primary-key read" },
  "d1-write": { path: "/d1-write", title: "one D1 single-row write (a commit)" },
  "do-read": { path: "/do-read", title: "one Durable Object RPC that reads" },
  "do-write-hot": { path: "/do-write-hot", title: "one Durable Object write, one hot object" },
  "do-write-8": { path: "/do-write-8", title: "one Durable Object write, 8 objects in turn" },
  "do-write-new": { path: "/do-write-new", title: "one Durable Object write, a new object each" },
  "cache-hit": { path: "/cache-hit", title: "one Cache API hit (2 KB body)" },
  "r2-head": { path: "/r2-head", title: "one R2 HEAD" },
};

/**
 * The primitives Worker. `Box` is a SQLite-backed object with one table; `/setup` (POST, once)
 * fills the read object and the Cache API entry. Each answer is a small JSON body, as the ceiling's.
 */
export const PRIMITIVES_SCRIPT = `
import { DurableObject } from "cloudflare:workers";
export class Box extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)");
  }
  get(id) {
    return this.ctx.storage.sql.exec("SELECT id, v FROM t WHERE id = ?", id).toArray()[0] ?? null;
  }
  put(v) {
    return this.ctx.storage.sql.exec("INSERT INTO t (v) VALUES (?) RETURNING id", v).one().id;
  }
  fill(n) {
    for (let i = 0; i < n; i++) this.ctx.storage.sql.exec("INSERT INTO t (v) VALUES (?)", "row " + i);
    return n;
  }
}
const ROWS = ${ROWS};
const CACHE_KEY = "https://${PRIMITIVES_HOST}/__cache/primitive";
const CACHE_BODY = JSON.stringify({ id: "p", name: "x".repeat(2000) });
const json = (value) => Response.json({ value });
const some = () => 1 + Math.floor(Math.random() * ROWS);
let turn = 0;
export default {
  async fetch(request, env) {
    switch (new URL(request.url).pathname) {
      case "/":
        return json(0);
      case "/d1-read":
        return json(await env.DB.prepare("SELECT id, v FROM ${TABLE} WHERE id = ?").bind(some()).first());
      case "/d1-write":
        return json(await env.DB.prepare("UPDATE ${TABLE} SET n = n + 1 WHERE id = ? RETURNING n").bind(some()).first("n"));
      case "/do-read":
        return json(await env.BOX.getByName("read").get(some()));
      case "/do-write-hot":
        return json(await env.BOX.getByName("hot").put("x"));
      case "/do-write-8":
        return json(await env.BOX.getByName("spread-" + (turn++ % 8)).put("x"));
      case "/do-write-new":
        return json(await env.BOX.getByName(crypto.randomUUID()).put("x"));
      case "/cache-hit": {
        const hit = await caches.default.match(CACHE_KEY);
        if (!hit) return new Response("cache miss", { status: 500 });
        return json((await hit.text()).length);
      }
      case "/r2-head":
        return json(await env.MEDIA?.head("__bench_primitive_probe"));
      case "/setup": {
        await env.BOX.getByName("read").fill(ROWS);
        await caches.default.put(CACHE_KEY, new Response(CACHE_BODY, {
          headers: { "content-type": "application/json", "cache-control": "public, max-age=86400" },
        }));
        return json("ready");
      }
      default:
        return new Response("not found", { status: 404 });
    }
  },
};`;

/**
 * Fills what the primitives read: ROWS rows in the app's D1 (through Miniflare) and, through the
 * Worker itself, the read object's rows and the Cache API entry. Call once after the migrations.
 */
export async function preparePrimitives(mf) {
  const db = await mf.getD1Database("DB");
  await db.batch([
    db.prepare(`CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY, v TEXT NOT NULL, n INTEGER NOT NULL)`),
    db.prepare(
      `INSERT OR IGNORE INTO ${TABLE} (id, v, n)
       WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${ROWS})
       SELECT i, 'row ' || i, 0 FROM k`,
    ),
  ]);
  const worker = await mf.getWorker("primitives");
  const res = await worker.fetch(`http://${PRIMITIVES_HOST}/setup`, { method: "POST" });
  if (res.status !== 200) throw new Error(`the primitives Worker's setup answered ${res.status}: ${await res.text()}`);
  await res.text();
}

/**
 * What the platform can do at best here for one request that needs `needs` ({ primitive: count }),
 * in requests/s, from the plain ceiling's req/s and each primitive's req/s measured in the same
 * minute at the same connections. Locally workerd runs the Worker, its objects and D1 on one thread,
 * so costs add up: a request costs the plain Worker's time (1 / ceiling) plus, per primitive, what
 * that primitive's Worker took beyond the plain one (1 / rps − 1 / ceiling, at least 0), times its
 * count. No primitives: the ceiling itself. null when a needed primitive was not measured (or 0).
 */
export function boundOf(ceilingRps, primitiveRps, needs = {}) {
  if (!(ceilingRps > 0)) return null;
  let seconds = 1 / ceilingRps;
  for (const [name, count] of Object.entries(needs)) {
    const rps = primitiveRps[name];
    if (!(rps > 0)) return null;
    seconds += count * Math.max(0, 1 / rps - 1 / ceilingRps);
  }
  return 1 / seconds;
}

/** "1 d1-read + 2 do-write-hot" for a `needs` object; "nothing (the plain Worker)" for none. */
export function describeNeeds(needs = {}) {
  const parts = Object.entries(needs).map(([name, count]) => `${count} ${name}`);
  return parts.length > 0 ? parts.join(" + ") : "nothing (the plain Worker)";
}

/** The Miniflare worker options of the primitives Worker, bound to the app's D1 database and R2 bucket. */
export function primitivesWorker({ compatibilityDate, compatibilityFlags, d1Databases, r2Buckets }) {
  const db = d1Databases?.DB;
  const media = r2Buckets?.MEDIA;
  if (!db) throw new Error("wrangler.toml has no D1 binding DB for the primitives Worker to share");
  return {
    name: "primitives",
    modules: true,
    script: PRIMITIVES_SCRIPT,
    compatibilityDate,
    compatibilityFlags,
    routes: [`${PRIMITIVES_HOST}/*`],
    d1Databases: { DB: db },
    ...(media ? { r2Buckets: { MEDIA: media } } : {}),
    durableObjects: { BOX: { className: "Box", useSQLite: true } },
  };
}
