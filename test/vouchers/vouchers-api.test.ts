import { describe, expect, it } from "vitest";
import { newAdmin } from "../catalog/helpers";
import { call, expectJson, expectProblem, newAccount, seller } from "../orders/helpers";
import { platformVoucher, postShopVoucher, shopVoucher, uniqueCode, type Voucher, voucherBody } from "./helpers";

// Issue 16, CONTRACT.md "Seller center" → Vouchers: create, list, change and deactivate a shop's
// vouchers (its owner only), platform vouchers (admins), and the 422/409 answers to bad input.

describe("shop vouchers: create, list, change, deactivate", () => {
  it("the owner creates each type; the voucher reads as the contract says", async () => {
    const s = await seller("TH");
    const percent = await shopVoucher(s.token, s.shop.id, {
      code: uniqueCode("pct").toLowerCase(),
      value: 15,
      minSpend: { amount: 50_000, currency: "THB" },
      maxDiscount: { amount: 10_000, currency: "THB" },
      totalLimit: 100,
      perUserLimit: 2,
    });
    expect(percent).toMatchObject({
      type: "percent",
      value: 15,
      minSpend: { amount: 50_000, currency: "THB" },
      maxDiscount: { amount: 10_000, currency: "THB" },
      totalLimit: 100,
      perUserLimit: 2,
      used: 0,
      active: true,
    });
    expect(percent.code).toBe(percent.code.toUpperCase());
    expect(percent.id).toMatch(/^vch_/);

    const fixed = await shopVoucher(s.token, s.shop.id, { type: "fixed", value: 5_000 });
    expect(fixed).toMatchObject({ type: "fixed", value: 5_000, totalLimit: null, perUserLimit: 1, maxDiscount: null });
    const free = await shopVoucher(s.token, s.shop.id, { type: "free_shipping", value: undefined });
    expect(free.type).toBe("free_shipping");
    expect(free).not.toHaveProperty("value");

    const page = await expectJson<{ items: Voucher[]; nextCursor: string | null }>(
      await call("GET", `/api/v1/shops/${s.shop.id}/vouchers?limit=2`, { token: s.token }),
      200,
    );
    expect(page.items.map((v) => v.id)).toEqual([free.id, fixed.id]);
    const rest = await expectJson<{ items: Voucher[]; nextCursor: string | null }>(
      await call("GET", `/api/v1/shops/${s.shop.id}/vouchers?limit=2&cursor=${page.nextCursor}`, { token: s.token }),
      200,
    );
    expect(rest).toEqual({ items: [percent], nextCursor: null });
  });

  it("PATCH changes terms; DELETE deactivates (the row stays, listed as inactive)", async () => {
    const s = await seller("TH");
    const v = await shopVoucher(s.token, s.shop.id);
    const changed = await expectJson<Voucher>(
      await call("PATCH", `/api/v1/vouchers/${v.id}`, { token: s.token, body: { value: 25, totalLimit: 5 } }),
      200,
    );
    expect(changed).toMatchObject({ id: v.id, code: v.code, value: 25, totalLimit: 5, active: true });
    const cleared = await expectJson<Voucher>(
      await call("PATCH", `/api/v1/vouchers/${v.id}`, { token: s.token, body: { totalLimit: null } }),
      200,
    );
    expect(cleared.totalLimit).toBeNull();
    const gone = await expectJson<Voucher>(await call("DELETE", `/api/v1/vouchers/${v.id}`, { token: s.token }), 200);
    expect(gone.active).toBe(false);
    expect(
      (await expectJson<Voucher>(await call("DELETE", `/api/v1/vouchers/${v.id}`, { token: s.token }), 200)).active,
    ).toBe(false);
    const page = await expectJson<{ items: Voucher[] }>(
      await call("GET", `/api/v1/shops/${s.shop.id}/vouchers`, { token: s.token }),
      200,
    );
    expect(page.items).toEqual([expect.objectContaining({ id: v.id, active: false, value: 25 })]);
  });

  it("only the owner: others get 403, strangers 401, unknown shop or voucher 404", async () => {
    const s = await seller("TH");
    const v = await shopVoucher(s.token, s.shop.id);
    const other = await newAccount("TH");
    const admin = await newAdmin();
    for (const who of [other, admin]) {
      await expectProblem(await postShopVoucher(who.token, s.shop.id, voucherBody()), 403, "forbidden");
      await expectProblem(
        await call("GET", `/api/v1/shops/${s.shop.id}/vouchers`, { token: who.token }),
        403,
        "forbidden",
      );
      await expectProblem(
        await call("PATCH", `/api/v1/vouchers/${v.id}`, { token: who.token, body: { value: 50 } }),
        403,
        "forbidden",
      );
      await expectProblem(await call("DELETE", `/api/v1/vouchers/${v.id}`, { token: who.token }), 403, "forbidden");
    }
    await expectProblem(
      await call("POST", `/api/v1/shops/${s.shop.id}/vouchers`, { body: voucherBody() }),
      401,
      "unauthorized",
    );
    await expectProblem(await postShopVoucher(s.token, "shp_nope", voucherBody()), 404, "not_found");
    await expectProblem(await call("DELETE", "/api/v1/vouchers/vch_nope", { token: s.token }), 404, "not_found");
    const after = await expectJson<{ items: Voucher[] }>(
      await call("GET", `/api/v1/shops/${s.shop.id}/vouchers`, { token: s.token }),
      200,
    );
    expect(after.items).toEqual([v]);
  });
});

describe("validation", () => {
  it("refuses bad terms with 422 naming the field, and a taken code with 409", async () => {
    const s = await seller("TH");
    const cases: [Record<string, unknown>, string][] = [
      [{ value: 0 }, "value"],
      [{ value: 101 }, "value"],
      [{ value: undefined }, "value"],
      [{ type: "fixed", value: 0 }, "value"],
      [{ type: "free_shipping", value: 5 }, "value"],
      [{ type: "fixed", value: 100, maxDiscount: { amount: 50, currency: "THB" } }, "maxDiscount"],
      [{ endsAt: new Date(Date.now() - 7_200_000).toISOString() }, "endsAt"],
      [
        {
          startsAt: new Date(Date.now() + 7_200_000).toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
        "endsAt",
      ],
      [{ minSpend: { amount: 1_000, currency: "IDR" } }, "minSpend"],
      [{ minSpend: { amount: -1, currency: "THB" } }, "minSpend"],
      [{ code: "a b" }, "code"],
      [{ code: "XY" }, "code"],
      [{ type: "bogus" }, "type"],
      [{ totalLimit: 0 }, "totalLimit"],
    ];
    for (const [extra, path] of cases) {
      const problem = await expectProblem(
        await postShopVoucher(s.token, s.shop.id, voucherBody(extra)),
        422,
        "validation_failed",
      );
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(extra),
      ).toContain(path);
      expect(problem.detail.length).toBeGreaterThan(10);
    }
    const v = await shopVoucher(s.token, s.shop.id);
    const other = await seller("TH");
    const taken = await expectProblem(
      await postShopVoucher(other.token, other.shop.id, voucherBody({ code: v.code.toLowerCase() })),
      409,
      "conflict",
    );
    expect(taken.errors?.[0].path).toBe("code");
    // Nothing half-written: the shop still has its one voucher.
    const page = await expectJson<{ items: Voucher[] }>(
      await call("GET", `/api/v1/shops/${s.shop.id}/vouchers`, { token: s.token }),
      200,
    );
    expect(page.items).toHaveLength(1);
  });

  it("rupiah amounts are whole rupiah; a change cannot touch the code", async () => {
    const s = await seller("ID");
    await expectProblem(
      await postShopVoucher(s.token, s.shop.id, voucherBody({ type: "fixed", value: 1_050 })),
      422,
      "validation_failed",
    );
    const v = await shopVoucher(s.token, s.shop.id, { type: "fixed", value: 1_000_000 });
    expect(v).toMatchObject({ value: 1_000_000, currency: "IDR", minSpend: { amount: 0, currency: "IDR" } });
    await expectProblem(
      await call("PATCH", `/api/v1/vouchers/${v.id}`, { token: s.token, body: { code: "NEWCODE" } }),
      422,
      "validation_failed",
    );
  });
});

describe("platform vouchers (admins)", () => {
  it("an admin creates, lists and deactivates one; others are refused", async () => {
    const admin = await newAdmin();
    const v = await platformVoucher(admin.token, { type: "fixed", value: 2_000 });
    expect(v).toMatchObject({ shopId: null, currency: "THB", type: "fixed", value: 2_000 });
    const page = await expectJson<{ items: Voucher[] }>(
      await call("GET", "/api/v1/admin/vouchers?limit=100", { token: admin.token }),
      200,
    );
    expect(page.items.map((x) => x.id)).toContain(v.id);
    const s = await seller("TH");
    await expectProblem(
      await call("POST", "/api/v1/admin/vouchers", { token: s.token, body: voucherBody({ currency: "THB" }) }),
      403,
      "forbidden",
    );
    await expectProblem(await call("DELETE", `/api/v1/vouchers/${v.id}`, { token: s.token }), 403, "forbidden");
    const off = await expectJson<Voucher>(
      await call("DELETE", `/api/v1/vouchers/${v.id}`, { token: admin.token }),
      200,
    );
    expect(off.active).toBe(false);
    await expectProblem(
      await call("POST", "/api/v1/admin/vouchers", { token: admin.token, body: voucherBody() }),
      422,
      "validation_failed",
    );
  });
});
