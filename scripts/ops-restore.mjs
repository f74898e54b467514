#!/usr/bin/env node
// npm run ops:restore -- --from <backup prefix | local folder> [--env local|staging|production]
//                        [--database <D1 name>] [--bucket <R2 name>] [--force]
//
// Loads a backup of workers/backup (gzip NDJSON parts + manifest.json) into an EMPTY D1 database,
// through wrangler: table by table in the manifest's foreign-key-safe order, each part checked
// against its SHA-256 before its rows are written, each table's chained checksum and row count
// checked after. The target must be migrated to the backup's level first
// (`wrangler d1 migrations apply <db> --remote --env production`). docs/runbooks/restore-from-backup.md.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

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
    else if (["--from", "--env", "--database", "--bucket"].includes(flag)) {
      const value = argv[++i];
      if (!value || value.startsWith("--")) throw new Error(`${flag} needs a value`);
      args[flag.slice(2)] = value;
    } else throw new Error(`unknown argument ${flag}`);
  }
  if (!args.from) throw new Error("--from <backup prefix or folder> is required, e.g. --from d1/2026-12-06T05-00-00Z/");
  if (!ENVS[args.env]) throw new Error(`--env must be one of ${Object.keys(ENVS).join(", ")}`);
  return { ...args, database: args.database ?? ENVS[args.env].database, bucket: args.bucket ?? ENVS[args.env].bucket };
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

function wrangler(args) {
  return execFileSync("npx", ["wrangler", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

function query(opts, sql) {
  const out = wrangler(["d1", "execute", opts.database, ...ENVS[opts.env].flags, "--json", "--command", sql]);
  return JSON.parse(out)[0]?.results ?? [];
}

function fetchObject(opts, key, work) {
  if (existsSync(opts.from)) return readFileSync(join(opts.from, key.slice(opts.prefix.length)));
  const file = join(work, "object");
  wrangler(["r2", "object", "get", `${opts.bucket}/${key}`, "--file", file, ...ENVS[opts.env].flags]);
  return readFileSync(file);
}

function counts(opts, tables) {
  const sql = tables
    .map((t) => `SELECT '${t.name}' AS t, count(*) AS n FROM ${quoteIdent(t.name)}`)
    .join(" UNION ALL ");
  return new Map(query(opts, sql).map((r) => [r.t, r.n]));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), "tchat-restore-"));
  try {
    opts.prefix = existsSync(opts.from) ? "" : opts.from.endsWith("/") ? opts.from : `${opts.from}/`;
    const manifest = JSON.parse(fetchObject(opts, `${opts.prefix}manifest.json`, work).toString("utf8"));
    if (existsSync(opts.from)) opts.prefix = manifest.prefix;
    const level = query(opts, "SELECT name FROM d1_migrations ORDER BY id DESC LIMIT 1")[0]?.name ?? "";
    if (level !== manifest.migration && !opts.force) {
      throw new Error(`backup is at migration "${manifest.migration}", target at "${level}": migrate the target first`);
    }
    const before = counts(opts, manifest.tables);
    const busy = [...before].filter(([, n]) => n > 0);
    if (busy.length > 0 && !opts.force)
      throw new Error(`target is not empty (${busy.map(([t]) => t).join(", ")}): use an empty database`);
    for (const table of manifest.tables) {
      let chain = EMPTY_SHA256;
      for (const part of table.parts) {
        const raw = gunzipSync(fetchObject(opts, part.key, work));
        const sha = sha256Hex(raw);
        if (sha !== part.sha256) throw new Error(`part ${part.key} does not match its checksum`);
        chain = chainChecksum(chain, sha);
        const file = join(work, "part.sql");
        writeFileSync(file, insertSql(table.name, parseLines(raw)));
        wrangler(["d1", "execute", opts.database, ...ENVS[opts.env].flags, "--file", file, "-y"]);
      }
      if (chain !== table.sha256) throw new Error(`table ${table.name} does not match its checksum`);
      console.log(`${table.name}: ${table.rows} rows, ${table.parts.length} parts, checksum ok`);
    }
    const after = counts(opts, manifest.tables);
    const wrong = manifest.tables.filter((t) => after.get(t.name) !== t.rows + (opts.force ? before.get(t.name) : 0));
    if (wrong.length > 0) throw new Error(`row counts differ for ${wrong.map((t) => t.name).join(", ")}`);
    console.log(`Restored ${manifest.tables.length} tables of ${manifest.id} into ${opts.database} (${opts.env}).`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`ops:restore: ${err.message}`);
    process.exit(1);
  });
}
