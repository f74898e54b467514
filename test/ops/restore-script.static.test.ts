import { describe, expect, it } from "vitest";
import {
  chainChecksum,
  EMPTY_SHA256,
  insertSql,
  parseArgs,
  parseLines,
  sqlLiteral,
} from "../../scripts/ops-restore.mjs";
import * as format from "../../workers/backup/format";

describe("ops:restore (node)", () => {
  it("checks parts and tables by the same rules as the Worker's backup format", async () => {
    expect(EMPTY_SHA256).toBe(format.EMPTY_SHA256);
    const rows = [
      { id: "u1", name: "O'Brien", n: 3, blob: [1, 2, 255], none: null },
      { id: "u2", name: "สมชาย" },
    ];
    const raw = format.encodeLines(rows);
    const partSha = await format.sha256Hex(raw);
    expect(chainChecksum(EMPTY_SHA256, partSha)).toBe(await format.chainChecksum(format.EMPTY_SHA256, partSha));
    const unzipped = Buffer.from(await format.gunzip(await format.gzip(raw)));
    expect(parseLines(unzipped)).toEqual(rows);
  });

  it("writes rows as SQL literals: quotes doubled, NULL, numbers, BLOBs as hex", () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral(42.5)).toBe("42.5");
    expect(sqlLiteral([1, 2, 255])).toBe("X'0102ff'");
    expect(insertSql('we"ird', [{ a: 1, b: "x" }])).toBe(`INSERT INTO "we""ird" ("a", "b") VALUES (1, 'x');`);
  });

  it("needs --from, knows the environments and their default database and bucket", () => {
    expect(() => parseArgs([])).toThrow(/--from/);
    expect(() => parseArgs(["--from", "d1/x/", "--env", "mars"])).toThrow(/--env/);
    expect(() => parseArgs(["--from"])).toThrow(/needs a value/);
    expect(parseArgs(["--from", "d1/x/", "--env", "production"])).toMatchObject({
      from: "d1/x/",
      database: "tchat-edge-production",
      bucket: "tchat-backups-production",
      force: false,
    });
    expect(parseArgs(["--from", "d1/x/", "--database", "restore-2026-12-06", "--force"])).toMatchObject({
      env: "local",
      database: "restore-2026-12-06",
      force: true,
    });
    // A local copy: the target in one state directory, the backup in another's bucket.
    expect(parseArgs(["--from", "d1/x/", "--persist-to", "/tmp/copy", "--from-persist-to", "/tmp/live"])).toMatchObject(
      {
        flags: ["--local", "--persist-to", "/tmp/copy"],
        bucketFlags: ["--local", "--persist-to", "/tmp/live"],
      },
    );
    expect(parseArgs(["--from", "d1/x/", "--persist-to", "/tmp/copy"]).bucketFlags).toEqual([
      "--local",
      "--persist-to",
      "/tmp/copy",
    ]);
    expect(() => parseArgs(["--from", "d1/x/", "--env", "production", "--persist-to", "/tmp/x"])).toThrow(/local only/);
  });
});
