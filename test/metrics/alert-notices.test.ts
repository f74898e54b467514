import { env } from "cloudflare:test";
import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { alertIncidents, alertNotices } from "../../d1/schema/metrics";
import { database } from "../../workers/platform/db";
import { grantAdmin, register } from "../support/accounts";
import { expectJson, expectProblem, get, type Page } from "../support/http";

// GET /admin/alerts/notices: whether each email and webhook notice of an incident went out. The
// rows are written as the cron's alert pass leaves them (workers/metrics/alerts/notify.ts), without
// running it: its rules are global, and the alert tests of test/metrics/metrics.test.ts own them.

interface Notice {
  id: string;
  incidentId: string;
  kind: string;
  channel: string;
  target: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

const T0 = Date.UTC(2034, 0, 10, 8, 0);

/** The incidents this file wrote, removed after it: a pending webhook notice left in the shared
 * database would be sent by every later cron run of the other files (a real fetch to a test host). */
const written: string[] = [];
afterAll(async () => {
  const db = database(env);
  const incidents = written.flatMap((id) => [id, `${id}x`]);
  await db.batch([
    db.delete(alertNotices).where(inArray(alertNotices.incidentId, incidents)),
    db.delete(alertIncidents).where(inArray(alertIncidents.id, written)),
  ]);
});

/** An incident of rule `ruleId` with three notices: an email sent, a webhook failing, one given up. */
async function incidentWithNotices(): Promise<string> {
  const db = database(env);
  const id = `inc_notice_${crypto.randomUUID().slice(0, 8)}`;
  written.push(id);
  const base = { incidentId: id, subject: "s", body: "b", payload: "{}" };
  await db.batch([
    db.insert(alertIncidents).values({
      id,
      ruleId: "notices-test",
      openRuleId: null,
      metric: "errorRate",
      op: ">",
      threshold: 0.2,
      windowMinutes: 5,
      openedValue: 0.5,
      openedAt: T0,
      resolvedValue: 0,
      resolvedAt: T0 + 600_000,
    }),
    db.insert(alertNotices).values([
      {
        ...base,
        id: `${id}.opened.0`,
        kind: "opened",
        target: "oncall@tchat.example",
        createdAt: T0,
        attempts: 1,
        sentAt: T0 + 1_000,
      },
      {
        ...base,
        id: `${id}.opened.1`,
        kind: "opened",
        target: "https://hooks.example.com/tchat",
        createdAt: T0,
        attempts: 60,
        lastError: "answered 503",
        sentAt: -(T0 + 3_600_000),
      },
      {
        ...base,
        id: `${id}.resolved.1`,
        kind: "resolved",
        target: "https://hooks.example.com/tchat",
        createdAt: T0 + 600_000,
        attempts: 2,
        lastError: "answered 502",
      },
    ]),
    // Another incident whose id starts with this one's: never among its notices.
    db.insert(alertNotices).values({
      ...base,
      incidentId: `${id}x`,
      id: `${id}x.opened.0`,
      kind: "opened",
      target: "other@tchat.example",
      createdAt: T0,
    }),
  ]);
  return id;
}

async function admin() {
  const a = await register({ emailPrefix: "notices-admin" });
  await grantAdmin(a.user.id);
  return a.accessToken;
}

describe("GET /api/v1/admin/alerts/notices", () => {
  it("lists an incident's notices, newest first, with channel, status, attempts, last error and when sent", async () => {
    const [token, incident] = await Promise.all([admin(), incidentWithNotices()]);
    const page = await expectJson<Page<Notice>>(
      await get(`/api/v1/admin/alerts/notices?incidentId=${incident}`, token),
      200,
    );
    expect(page.nextCursor).toBeNull();
    expect(page.items).toEqual([
      {
        id: `${incident}.resolved.1`,
        incidentId: incident,
        kind: "resolved",
        channel: "webhook",
        target: "https://hooks.example.com/tchat",
        status: "pending",
        attempts: 2,
        lastError: "answered 502",
        createdAt: new Date(T0 + 600_000).toISOString(),
        sentAt: null,
        failedAt: null,
      },
      expect.objectContaining({
        id: `${incident}.opened.1`,
        channel: "webhook",
        status: "failed",
        attempts: 60,
        lastError: "answered 503",
        sentAt: null,
        failedAt: new Date(T0 + 3_600_000).toISOString(),
      }),
      expect.objectContaining({
        id: `${incident}.opened.0`,
        channel: "email",
        target: "oncall@tchat.example",
        status: "sent",
        attempts: 1,
        lastError: null,
        sentAt: new Date(T0 + 1_000).toISOString(),
        failedAt: null,
      }),
    ]);
  });

  it("filters by status and pages with the cursor", async () => {
    const [token, incident] = await Promise.all([admin(), incidentWithNotices()]);
    const only = async (status: string) =>
      (
        await expectJson<Page<Notice>>(
          await get(`/api/v1/admin/alerts/notices?incidentId=${incident}&status=${status}`, token),
          200,
        )
      ).items.map((n) => n.id);
    expect(await only("sent")).toEqual([`${incident}.opened.0`]);
    expect(await only("failed")).toEqual([`${incident}.opened.1`]);
    expect(await only("pending")).toEqual([`${incident}.resolved.1`]);

    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const query: string = `incidentId=${incident}&limit=1${cursor ? `&cursor=${cursor}` : ""}`;
      const page: Page<Notice> = await expectJson(await get(`/api/v1/admin/alerts/notices?${query}`, token), 200);
      expect(page.items).toHaveLength(1);
      seen.push(page.items[0].id);
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([`${incident}.resolved.1`, `${incident}.opened.1`, `${incident}.opened.0`]);
    // Without a filter: every incident's, this one's and its neighbour's among them.
    const all = await expectJson<Page<Notice>>(await get("/api/v1/admin/alerts/notices?limit=100", token), 200);
    expect(all.items.map((n) => n.id)).toEqual(expect.arrayContaining([...seen, `${incident}x.opened.0`]));
  });

  it("answers admins only (401, 403) and refuses an unknown status or cursor (422)", async () => {
    await expectProblem(await get("/api/v1/admin/alerts/notices"), 401, "unauthorized");
    const stranger = await register({ emailPrefix: "notices-stranger" });
    await expectProblem(await get("/api/v1/admin/alerts/notices", stranger.accessToken), 403, "forbidden");
    const token = await admin();
    const bad = await expectProblem(
      await get("/api/v1/admin/alerts/notices?status=lost", token),
      422,
      "validation_failed",
    );
    expect(bad.errors?.map((e) => e.path)).toContain("status");
    await expectProblem(await get("/api/v1/admin/alerts/notices?cursor=nonsense", token), 422, "validation_failed");
    await expectProblem(await get("/api/v1/admin/alerts/notices?limit=0", token), 422, "validation_failed");
  });
});
