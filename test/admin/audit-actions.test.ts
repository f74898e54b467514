import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SELF_AUDITED_ADMIN_ROUTES } from "../../workers/admin";
import { grantAdmin, register } from "../support/accounts";
import { del, expectJson, get, post } from "../support/http";

// Every change an operator makes through /api/v1/admin/* is in the audit log with the operator as
// actor: routes with an audit entry of their own write it in their batch, the rest are recorded by
// the admin middleware (`admin_action`).

const WRITES = new Set(["post", "put", "patch", "delete"]);

async function operator() {
  const person = await register({ emailPrefix: "opsadmin-audit" });
  await grantAdmin(person.user.id);
  return { token: person.accessToken, id: person.user.id };
}

const actionsOf = async (actorId: string) =>
  (
    await env.DB.prepare(
      "SELECT type, json_extract(data, '$.action') AS action FROM audit_events WHERE actor_id = ? AND (user_id IS NULL OR user_id <> actor_id) ORDER BY id",
    )
      .bind(actorId)
      .all<{ type: string; action: string | null }>()
  ).results;

describe("every admin action is audited with its actor", () => {
  it("walks the API's mutating admin routes: each is self-audited or covered by the admin middleware", async () => {
    const doc = await expectJson<{ paths: Record<string, Record<string, unknown>> }>(await get("/openapi.json"), 200);
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/v1/admin/"))
      .flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => WRITES.has(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      );
    // The ones named in the brief at least.
    for (const expected of [
      "POST /api/v1/admin/categories",
      "POST /api/v1/admin/vouchers",
      "POST /api/v1/admin/reviews/{id}/visibility",
      "POST /api/v1/admin/search/synonyms",
      "POST /api/v1/admin/chat/flags/{id}/resolve",
      "POST /api/v1/admin/notifications/promotions",
      "POST /api/v1/admin/shops/{id}/verification",
      "POST /api/v1/admin/pii-rotation",
      "POST /api/v1/admin/dead-letters/{id}/replay",
      "POST /api/v1/admin/users/{id}/suspend",
      "POST /api/v1/admin/payments/{id}/refund",
    ]) {
      expect(routes).toContain(expected);
    }
    const selfAudited = routes.filter((r) =>
      SELF_AUDITED_ADMIN_ROUTES.some((p) => p.test(r.split(" ")[1]?.replaceAll(/\{[^}]+\}/g, "x") ?? "")),
    );
    // Those write their own types; checked by their own tests (suspend, reinstate, wallet standing,
    // shop verification, refunds) — every route in the list is one of the known ones.
    expect(selfAudited.sort()).toEqual([
      "POST /api/v1/admin/payments/{id}/refund",
      "POST /api/v1/admin/shops/{id}/verification",
      "POST /api/v1/admin/users/{id}/reinstate",
      "POST /api/v1/admin/users/{id}/suspend",
      "POST /api/v1/admin/users/{id}/wallet-standing",
    ]);
  });

  it("records the middleware-covered changes once each, with the operator as actor, and not failed attempts", async () => {
    const admin = await operator();
    const slug = `audit-${crypto.randomUUID().slice(0, 8)}`;
    const category = await expectJson<{ id: string }>(
      await post("/api/v1/admin/categories", { slug, names: { en: "Audited" } }, admin.token),
      201,
    );
    const synonym = await expectJson<{ id: string }>(
      await post(
        "/api/v1/admin/search/synonyms",
        { locale: "en", term: `audit ${slug}`, synonyms: ["audited"] },
        admin.token,
      ),
      201,
    );
    expect((await del(`/api/v1/admin/search/synonyms/${synonym.id}`, admin.token)).status).toBeLessThan(300);
    // A refused change is not an action: nothing recorded.
    expect((await post("/api/v1/admin/dead-letters/dlq_nothing/replay", undefined, admin.token)).status).toBe(404);

    expect(await actionsOf(admin.id)).toEqual([
      { type: "admin_action", action: "POST /api/v1/admin/categories" },
      { type: "admin_action", action: "POST /api/v1/admin/search/synonyms" },
      { type: "admin_action", action: `DELETE /api/v1/admin/search/synonyms/${synonym.id}` },
    ]);
    expect(category.id).toBeTruthy();
  });

  it("a self-audited change is in the log once, under its own type", async () => {
    const admin = await operator();
    const person = await register({ emailPrefix: "opsadmin-audited" });
    await expectJson(await post(`/api/v1/admin/users/${person.user.id}/suspend`, { reason: "Spam" }, admin.token), 200);
    await expectJson(await post(`/api/v1/admin/users/${person.user.id}/reinstate`, undefined, admin.token), 200);
    expect((await actionsOf(admin.id)).map((a) => a.type)).toEqual(["account_suspended", "account_reinstated"]);
  });
});
