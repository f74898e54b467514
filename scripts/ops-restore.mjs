#!/usr/bin/env node
// npm run ops:restore -- --from <backup prefix | local folder> [--env local|staging|production]
//                        [--database <D1 name>] [--bucket <R2 name>] [--force]
//                        [--persist-to DIR] [--from-persist-to DIR]
//
// Loads a backup of workers/backup (gzip NDJSON parts + manifest.json) into an EMPTY D1 database,
// through wrangler: table by table in the manifest's foreign-key-safe order, each part checked
// against its SHA-256 before its rows are written, each table's chained checksum and row count
// checked after. The target must be migrated to the backup's level first
// (`wrangler d1 migrations apply <db> --remote --env production`). docs/runbooks/restore-from-backup.md.
// Locally, --persist-to names the target's state directory (a copy started with wrangler's
// --persist-to) and --from-persist-to the one whose BACKUPS bucket holds the backup (default: the same).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
// The project's wrangler, run directly: npx would start one more Node process per call.
const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");

const ENVS = {
  local: { database: "tchat-edge", bucket: "tchat-backups", flags: ["--local"] },
  staging: { database: "tchat-edge-staging", bucket: "tchat-backups-staging", flags: ["--remote", "--env", "staging"] },
  production: {
    database: "tchat-edge-production",
    bucket: "tchat-backups-production",
    flags: ["--remote", "--env", "production"],
  },
};

export const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");
export const sha256Hex = (data) => createHash("sha256").update(data).digest("hex");
/** The table checksum of workers/backup/format.ts: c0 = SHA-256(""), ci = SHA-256(c(i-1) + part checksum). */
export const chainChecksum = (previous, part) => sha256Hex(previous + part);

export function parseArgs(argv) {
  const args = { env: "local", force: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--force") args.force = true;
    else if (["--from", "--env", "--database", "--bucket", "--persist-to", "--from-persist-to"].includes(flag)) {
      const value = argv[++i];
      if (!value || value.startsWith("--")) throw new Error(`${flag} needs a value`);
      args[flag.slice(2)] = value;
    } else throw new Error(`unknown argument ${flag}`);
  }
  if (!args.from) throw new Error("--from <backup prefix or folder> is required, e.g. --from d1/2026-12-06T05-00-00Z/");
  if (!ENVS[args.env]) throw new Error(`--env must be one of ${Object.keys(ENVS).join(", ")}`);
  if ((args["persist-to"] || args["from-persist-to"]) && args.env !== "local")
    throw new Error("--persist-to and --from-persist-to are for --env local only");
  const persist = (dir) => (dir ? ["--persist-to", dir] : []);
  const { "persist-to": target, "from-persist-to": source, ...rest } = args;
  return {
    ...rest,
    database: args.database ?? ENVS[args.env].database,
    bucket: args.bucket ?? ENVS[args.env].bucket,
    flags: [...ENVS[args.env].flags, ...persist(target)],
    bucketFlags: [...ENVS[args.env].flags, ...persist(source ?? target)],
  };
}

const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

/** A value of an NDJSON row as an SQLite literal (a BLOB was written as an array of bytes). */
export function sqlLiteral(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (Array.isArray(value)) return `X'${Buffer.from(value).toString("hex")}'`;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

export function insertSql(table, rows) {
  return rows
    .map((row) => {
      const columns = Object.keys(row);
      return `INSERT INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) VALUES (${columns.map((c) => sqlLiteral(row[c])).join(", ")});`;
    })
    .join("\n");
}

export function parseLines(buffer) {
  return buffer
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line));
}

const execFileAsync = promisify(execFile);

/** A wrangler command's output; asynchronous, so the local bucket's runtime keeps answering meanwhile. */
async function wrangler(args) {
  const child = execFileAsync(WRANGLER, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  child.child.stderr?.pipe(process.stderr);
  return (await child).stdout;
}

/** The results of each statement of `sql` (one `wrangler d1 execute`), in order. */
async function queryAll(opts, sql) {
  const out = await wrangler(["d1", "execute", opts.database, ...opts.flags, "--json", "--command", sql]);
  return JSON.parse(out).map((r) => r.results ?? []);
}

async function query(opts, sql) {
  return (await queryAll(opts, sql))[0] ?? [];
}

/**
 * Where the backup's objects come from: a downloaded folder; locally, the BACKUPS bucket of a state
 * directory through wrangler's getPlatformProxy (one local runtime, not one wrangler per object);
 * otherwise `wrangler r2 object get`, one object at a time.
 */
async function openBackup(opts, work) {
  if (existsSync(opts.from)) {
    return { get: async (key) => readFileSync(join(opts.from, key.slice(opts.prefix.length))), close: async () => {} };
  }
  if (opts.env === "local") {
    // A configuration with the bucket alone: the Worker's own would start its Durable Objects too.
    const config = join(work, "wrangler.toml");
    writeFileSync(
      config,
      `name = "tchat-restore"\ncompatibility_date = "2026-11-01"\n[[r2_buckets]]\nbinding = "BACKUPS"\nbucket_name = "${opts.bucket}"\n`,
    );
    const state = opts.bucketFlags.includes("--persist-to")
      ? opts.bucketFlags[opts.bucketFlags.indexOf("--persist-to") + 1]
      : join(ROOT, ".wrangler/state");
    const { getPlatformProxy } = await import("wrangler");
    const proxy = await getPlatformProxy({
      configPath: config,
      persist: { path: join(state, "v3") },
      remoteBindings: false,
      envFiles: [],
    });
    return {
      get: async (key) => {
        const object = await proxy.env.BACKUPS.get(key);
        if (!object) throw new Error(`no object ${key} in the local ${opts.bucket} bucket (${state})`);
        return Buffer.from(await object.arrayBuffer());
      },
      close: () => proxy.dispose(),
    };
  }
  return {
    get: async (key) => {
      const file = join(work, "object");
      await wrangler(["r2", "object", "get", `${opts.bucket}/${key}`, "--file", file, ...opts.bucketFlags]);
      return readFileSync(file);
    },
    close: async () => {},
  };
}

/** Statements written per `wrangler d1 execute --file` (each call has a start-up cost of seconds). */
const BATCH_BYTES = 4 * 1024 * 1024;

/** Rows per table: one statement each (D1 refuses a UNION ALL of more than a few SELECTs). */
async function counts(opts, tables) {
  const sql = tables.map((t) => `SELECT '${t.name}' AS t, count(*) AS n FROM ${quoteIdent(t.name)};`).join("\n");
  return new Map((await queryAll(opts, sql)).flatMap((rows) => rows.map((r) => [r.t, r.n])));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), "tchat-restore-"));
  opts.prefix = existsSync(opts.from) ? "" : opts.from.endsWith("/") ? opts.from : `${opts.from}/`;
  const backup = await openBackup(opts, work);
  try {
    const manifest = JSON.parse((await backup.get(`${opts.prefix}manifest.json`)).toString("utf8"));
    if (existsSync(opts.from)) opts.prefix = manifest.prefix;
    const level = (await query(opts, "SELECT name FROM d1_migrations ORDER BY id DESC LIMIT 1"))[0]?.name ?? "";
    if (level !== manifest.migration && !opts.force) {
      throw new Error(`backup is at migration "${manifest.migration}", target at "${level}": migrate the target first`);
    }
    const before = await counts(opts, manifest.tables);
    const busy = [...before].filter(([, n]) => n > 0);
    if (busy.length > 0 && !opts.force)
      throw new Error(`target is not empty (${busy.map(([t]) => t).join(", ")}): use an empty database`);
    // Every part is checked before its table's rows are queued; queued rows are written in batches,
    // parents before children (the manifest's order).
    let pending = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const file = join(work, "batch.sql");
      writeFileSync(file, pending.join("\n"));
      await wrangler(["d1", "execute", opts.database, ...opts.flags, "--file", file, "-y"]);
      pending = [];
      pendingBytes = 0;
    };
    for (const table of manifest.tables) {
      let chain = EMPTY_SHA256;
      const statements = [];
      for (const part of table.parts) {
        const raw = gunzipSync(await backup.get(part.key));
        const sha = sha256Hex(raw);
        if (sha !== part.sha256) throw new Error(`part ${part.key} does not match its checksum`);
        chain = chainChecksum(chain, sha);
        statements.push(insertSql(table.name, parseLines(raw)));
      }
      if (chain !== table.sha256) throw new Error(`table ${table.name} does not match its checksum`);
      for (const sql of statements) {
        pending.push(sql);
        pendingBytes += sql.length;
        if (pendingBytes >= BATCH_BYTES) await flush();
      }
      console.log(`${table.name}: ${table.rows} rows, ${table.parts.length} parts, checksum ok`);
    }
    await flush();
    const after = await counts(opts, manifest.tables);
    const wrong = manifest.tables.filter((t) => after.get(t.name) !== t.rows + (opts.force ? before.get(t.name) : 0));
    if (wrong.length > 0) throw new Error(`row counts differ for ${wrong.map((t) => t.name).join(", ")}`);
    console.log(`Restored ${manifest.tables.length} tables of ${manifest.id} into ${opts.database} (${opts.env}).`);
  } finally {
    await backup.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`ops:restore: ${err.message}`);
    process.exit(1);
  });
}
