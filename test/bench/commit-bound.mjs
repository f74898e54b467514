// `node test/bench/commit-bound.mjs` (Node 22): what this machine's Miniflare can do at best for a
// request that writes to a Durable Object (docs/performance-write.md). The bench's primitives Worker
// (primitives.mjs: plain, SQLite-backed object, no framework) alone on a Miniflare of its own, loaded
// for 5 s per case at 20 connections:
//   /              answers at once (the ceiling)        /do-read       reads one object (RPC + SELECT)
//   /do-write-hot  writes one row in ONE object         /do-write-new  writes one row in a NEW object each request
// `npm run bench` measures the same primitives (and D1's, the Cache API's, R2's) next to the app, in
// the same run as each scenario they bound.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { PRIMITIVES_SCRIPT } from "./primitives.mjs";

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
        script: PRIMITIVES_SCRIPT,
        compatibilityDate: "2025-09-01",
        durableObjects: { BOX: { className: "Box", useSQLite: true } },
      },
    ],
  }),
);
try {
  const url = await mf.ready;
  const setup = await fetch(`${url.origin}/setup`, { method: "POST" });
  if (setup.status !== 200) throw new Error(`setup answered ${setup.status}: ${await setup.text()}`);
  for (const path of ["/", "/do-read", "/do-write-hot", "/do-write-new"]) {
    const r = await autocannon({ url: url.origin + path, connections: 20, duration: 5 });
    console.log(`${path.padEnd(13)} ${r.requests.average} req/s  p50 ${r.latency.p50} ms  non-2xx ${r.non2xx}`);
  }
} finally {
  await mf.dispose();
  rmSync(tmp, { recursive: true, force: true });
}
