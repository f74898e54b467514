// `node test/bench/commit-bound.mjs` (Node 22): what this machine's Miniflare can do at best for a
// request that writes to a Durable Object (docs/performance-write.md). A plain Worker next to one
// SQLite-backed object class, loaded for 5 s per case at 20 connections:
//   /ceil  answers at once (the ceiling)      /read  reads one object (RPC + SELECT)
//   /hot   writes one row in ONE object        /new   writes one row in a NEW object each request
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";

const script = `
import { DurableObject } from "cloudflare:workers";
export class Box extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)");
  }
  get() { return this.ctx.storage.sql.exec("SELECT count(*) AS n FROM t").one().n; }
  put(v) {
    this.ctx.storage.sql.exec("INSERT INTO t (v) VALUES (?)", v);
    return this.ctx.storage.sql.exec("SELECT count(*) AS n FROM t").one().n;
  }
}
export default {
  async fetch(req, env) {
    const { pathname } = new URL(req.url);
    if (pathname === "/ceil") return Response.json({ n: 0 });
    const stub = env.BOX.getByName(pathname === "/new" ? crypto.randomUUID() : "hot");
    return Response.json({ n: pathname === "/read" ? await stub.get() : await stub.put("x") });
  },
};`;

const tmp = mkdtempSync(join(tmpdir(), "commit-bound-"));
const mf = new Miniflare(
  convertV4MiniflareOptions({
    host: "127.0.0.1",
    port: 0,
    cf: false,
    resourcePersistencePath: join(tmp, "state"),
    resourceTmpPath: join(tmp, "runtime"),
    workers: [
      {
        name: "bound",
        modules: true,
        script,
        compatibilityDate: "2025-09-01",
        durableObjects: { BOX: { className: "Box", useSQLite: true } },
      },
    ],
  }),
);
try {
  const url = await mf.ready;
  for (const path of ["/ceil", "/read", "/hot", "/new"]) {
    const r = await autocannon({ url: url.origin + path, connections: 20, duration: 5 });
    console.log(`${path.padEnd(6)} ${r.requests.average} req/s  p50 ${r.latency.p50} ms  non-2xx ${r.non2xx}`);
  }
} finally {
  await mf.dispose();
  rmSync(tmp, { recursive: true, force: true });
}
