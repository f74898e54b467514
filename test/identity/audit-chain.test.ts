import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { sealAuditChain, verifyAuditChain } from "../../workers/identity";
import { database } from "../../workers/platform/db";
import { grantAdmin } from "../support/accounts";
import { useFreshStorage } from "../support/fresh-storage";
import { expectJson, expectProblem, get, login, registerUser } from "./helpers";

// Whole-log assertions: this file starts on an empty database (and drops the append-only triggers
// to play the attacker, which only a fresh database may see).
useFreshStorage();

interface Verification {
  valid: boolean;
  checked: number;
  firstBrokenId: string | null;
  unsealed: number;
}

const db = () => database(env);

async function sealedRows(): Promise<{ id: string; seq: number }[]> {
  const { results } = await env.DB.prepare("SELECT id, seq FROM audit_events WHERE seq IS NOT NULL ORDER BY seq").all<{
    id: string;
    seq: number;
  }>();
  return results;
}

/** The attacker's view: the triggers that keep the log append-only are gone. */
async function dropGuards(): Promise<void> {
  await env.DB.prepare("DROP TRIGGER IF EXISTS audit_events_no_update").run();
  await env.DB.prepare("DROP TRIGGER IF EXISTS audit_events_no_delete").run();
}

describe("hash-chained audit log", () => {
  it("seals rows in order, verifies through the admin route, and refuses updates of sealed rows", async () => {
    const admin = await registerUser();
    await grantAdmin(admin.user.id);
    await expectProblem(await login(admin.email, "Wrong-Passw0rd"), 401, "invalid_credentials");
    const report = await expectJson<Verification>(
      await get("/api/v1/admin/audit-events/verify", admin.accessToken),
      200,
    );
    expect(report).toMatchObject({ valid: true, firstBrokenId: null, unsealed: 0 });
    const rows = await sealedRows();
    expect(report.checked).toBe(rows.length);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const first = await env.DB.prepare("SELECT id FROM audit_events WHERE seq = 1").first<{ id: string }>();
    await expect(
      env.DB.prepare("UPDATE audit_events SET hash = 'x' WHERE id = ?").bind(first?.id).run(),
    ).rejects.toThrow(/append-only/);
    // A customer may not run it.
    const customer = await registerUser();
    await expectProblem(await get("/api/v1/admin/audit-events/verify", customer.accessToken), 403, "forbidden");
  });

  it("keeps one chain under concurrent writers and concurrent sealers", async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => registerUser()));
    await Promise.all(users.map((u) => login(u.email, "Wrong-Passw0rd")));
    const sealed = await Promise.all([sealAuditChain(db()), sealAuditChain(db()), sealAuditChain(db())]);
    expect(sealed.some((n) => n > 0)).toBe(true);
    await sealAuditChain(db());
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ valid: true, firstBrokenId: null, unsealed: 0 });
    const { results } = await env.DB.prepare(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS seqs, MAX(seq) AS top FROM audit_events",
    ).all<{ n: number; seqs: number; top: number }>();
    expect(results[0]).toEqual({ n: report.checked, seqs: report.checked, top: report.checked });
  });

  it("points at an edited row", async () => {
    await sealAuditChain(db());
    const rows = await sealedRows();
    const victim = rows[Math.floor(rows.length / 2)];
    await dropGuards();
    await env.DB.prepare('UPDATE audit_events SET data = \'{"method":"forged"}\' WHERE id = ?').bind(victim.id).run();
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ valid: false, firstBrokenId: victim.id, checked: victim.seq - 1 });
  });

  it("points at the row after a deleted one", async () => {
    const rows = await sealedRows();
    // Before the edited row of the previous test, so this break is the first.
    const victim = rows[2];
    await env.DB.prepare("DELETE FROM audit_events WHERE id = ?").bind(victim.id).run();
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ valid: false, firstBrokenId: rows[3].id, checked: 2 });
  });
});
