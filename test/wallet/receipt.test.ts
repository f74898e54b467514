import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { accounts, call, expectJson, expectProblem, get } from "../chat/helpers";
import { fund } from "./helpers";

// Receipts and the status trail: every status a transaction takes is recorded with its time, shown
// by GET /wallet/transactions/:id and on the HTML receipt, in the reader's language.

describe("GET /api/v1/wallet/transactions/:id/receipt", () => {
  it("renders the caller's own transaction as escaped, printable HTML in their locale, with its status history", async () => {
    const [a, b] = await accounts(2);
    await env.DB.prepare("UPDATE users SET display_name = ? WHERE id = ?").bind("<b>Somchai</b>", b.userId).run();
    await fund(a.userId, 20_000);
    const sent = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/wallet/transfers", {
        token: a.token,
        idempotencyKey: crypto.randomUUID(),
        body: { to: { userId: b.userId }, amount: { amount: 12_345, currency: "THB" }, note: "<script>x</script>" },
      }),
      201,
    );
    const txId = `wto_${sent.id.replace(/^trf_/, "")}`;

    const tx = await expectJson<{ status: string; statusHistory: { status: string; at: string }[] }>(
      await get(`/api/v1/wallet/transactions/${txId}`, a.token),
      200,
    );
    expect(tx.status).toBe("completed");
    expect(tx.statusHistory.map((h) => h.status)).toEqual(["pending", "completed"]);
    expect(Date.parse(tx.statusHistory[1].at)).toBeGreaterThanOrEqual(Date.parse(tx.statusHistory[0].at));

    const res = await get(`/api/v1/wallet/transactions/${txId}/receipt`, a.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    // The accounts made in tests read Thai: Thai words and Intl's Thai money format.
    expect(html).toContain('lang="th-TH"');
    expect(html).toContain("ใบเสร็จวอลเล็ต");
    expect(html).toContain("ประวัติสถานะ");
    expect(html).toContain("123.45");
    expect(html).toContain("@media print");
    expect(html).not.toContain("<script>x</script>");
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;Somchai&lt;/b&gt;");

    await env.DB.prepare("UPDATE users SET locale = 'vi' WHERE id = ?").bind(a.userId).run();
    const vi = await (await get(`/api/v1/wallet/transactions/${txId}/receipt`, a.token)).text();
    expect(vi).toContain("Biên lai ví");

    // Only one's own: the receiver's id for the sender's transaction is not found.
    await expectProblem(await get(`/api/v1/wallet/transactions/${txId}/receipt`, b.token), 404, "not_found");
  });
});
