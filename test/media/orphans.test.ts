import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { recordUpload } from "../../workers/catalog";
import { sweepOrphanUploads, UPLOAD_MAX_LIFE_MS } from "../../workers/media";
import { database, nowMs } from "../../workers/platform/db";
import { newId } from "../../workers/platform/ids";
import { runScheduled } from "../../workers/scheduled";
import { bytes, PNG_HEADER } from "../catalog/helpers";
import { accounts, expectJson } from "../chat/helpers";
import { advanceTime } from "../support/clock";
import { call } from "../support/http";

const HOUR = 60 * 60_000;
const key = (id: string) => `media/${id}`;

/** Bytes in R2 under an upload id begun `ageMs` ago, as an upload's put leaves them. */
async function storedBytes(ageMs: number): Promise<string> {
  const id = newId("med", nowMs() - ageMs);
  await env.MEDIA.put(key(id), new Uint8Array([1, 2, 3]), { customMetadata: { owner: "usr_x", access: "private" } });
  return id;
}

/** The put and the record, as a finished upload leaves them. */
async function recorded(ageMs: number, ownerId: string): Promise<string> {
  const id = await storedBytes(ageMs);
  await recordUpload(database(env), {
    id,
    ownerId,
    r2Key: key(id),
    kind: "file",
    contentType: "application/pdf",
    size: 3,
    etag: "etag",
  });
  return id;
}

/** Sweeps until the sweep has nothing settled left to look at. */
async function sweepAll(): Promise<number> {
  let deleted = 0;
  for (let run = 0; run < 50; run++) {
    const result = await sweepOrphanUploads(env);
    deleted += result.deleted;
    if (result.checked === 0) return deleted;
  }
  throw new Error("the sweep never caught up");
}

const exists = async (id: string) => (await env.MEDIA.head(key(id))) !== null;

describe("orphan uploads (bytes in R2 whose process died before their D1 record)", () => {
  // Files share storage, and other files' cron runs move the clock ahead and the cursor with it;
  // real time never goes back, so each test sweeps from the start of the bucket.
  beforeEach(() => env.MEDIA.delete("sweeps/media-orphans"));

  it("are deleted once older than an upload can live; recorded and younger uploads stay", async () => {
    const [owner] = await accounts(1);
    const oldOrphan = await storedBytes(2 * HOUR);
    const oldRecorded = await recorded(2 * HOUR, owner.userId);
    const youngOrphan = await storedBytes(5 * 60_000);
    const real = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/media", {
        token: owner.token,
        raw: bytes(PNG_HEADER, 256),
        headers: { "Content-Type": "image/png" },
      }),
      201,
    );

    expect(await sweepAll()).toBeGreaterThanOrEqual(1);
    expect(await exists(oldOrphan)).toBe(false);
    expect(await exists(oldRecorded)).toBe(true);
    expect(await exists(youngOrphan)).toBe(true); // may still be on its way to its record
    expect(await exists(real.id)).toBe(true);

    // An hour on, the young orphan has outlived any upload: the minute cron deletes it.
    advanceTime(UPLOAD_MAX_LIFE_MS);
    await runScheduled(env);
    await sweepAll();
    expect(await exists(youngOrphan)).toBe(false);
    expect(await exists(oldRecorded)).toBe(true);
    expect(await exists(real.id)).toBe(true);
    // The recorded upload is still served to its owner.
    const served = await call("GET", `/api/v1/media/${real.id}`, { token: owner.token });
    expect(served.status).toBe(200);
  });

  it("a sweep killed after its deletes and before its cursor moved deletes nothing twice", async () => {
    const orphan = await storedBytes(3 * HOUR);
    expect(await sweepAll()).toBeGreaterThanOrEqual(1);
    expect(await exists(orphan)).toBe(false);
    // The crash: the cursor as it was before the run.
    await env.MEDIA.delete("sweeps/media-orphans");
    expect(await sweepAll()).toBe(0);
  });
});
