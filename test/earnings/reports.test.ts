import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { rateOf } from "../../workers/earnings/commission";
import { recordSale } from "../../workers/earnings/sales";
import { call, expectJson, expectProblem, newAccount } from "../orders/helpers";
import { applyOrderEvent, availableOrder, balance, netOf, newSeller, paidOrder, thb } from "./helpers";

interface Report {
  currency: string;
  series: { period: string; orders: number; units: number; revenue: { amount: number }; refunds: { amount: number } }[];
  topProducts: { productId: string; name: string; units: number; revenue: { amount: number } }[];
}

const today = () => new Date().toISOString().slice(0, 10);

describe("commission per category", () => {
  const tree = new Map([
    ["cat_a", { id: "cat_a", parentId: null, slug: "electronics" }],
    ["cat_b", { id: "cat_b", parentId: "cat_a", slug: "mobile-phones" }],
    ["cat_c", { id: "cat_c", parentId: null, slug: "fashion" }],
  ]);
  const config = { commissionBps: 500, categoryCommissionBps: { electronics: 300, cat_c: 800 }, reportMaxDays: 366 };

  it("a category's own rate (by slug or id), else its parent's, else the default", () => {
    expect(rateOf("cat_a", tree, config)).toBe(300);
    expect(rateOf("cat_b", tree, config)).toBe(300);
    expect(rateOf("cat_c", tree, config)).toBe(800);
    expect(rateOf(null, tree, config)).toBe(500);
    expect(rateOf("cat_unknown", tree, config)).toBe(500);
  });

  it("a paid order's commission follows its product's category, a child inheriting its parent's rate", async () => {
    const parent = `earn-${crypto.randomUUID().slice(0, 8)}`;
    const child = `${parent}-child`;
    const insert =
      "INSERT INTO categories (id, slug, parent_id, names, position, created_at, updated_at) VALUES (?, ?, ?, '{}', 0, 0, 0)";
    await env.DB.prepare(insert).bind(`cat_${parent}`, parent, null).run();
    await env.DB.prepare(insert).bind(`cat_${child}`, child, `cat_${parent}`).run();
    const s = await newSeller({ categoryId: `cat_${child}` });
    const { order } = await paidOrder(s);
    // Recorded at the default rate (no override for this category in the tests' variables)...
    await applyOrderEvent(order.id, "order.paid");
    expect((await balance(s)).pending).toEqual(thb(netOf(order, 500)));
    // ...and as a platform configured with 10% on the parent category records it.
    for (const table of ["earning_orders", "earning_order_lines", "earning_entries"]) {
      await env.DB.prepare(`DELETE FROM ${table} WHERE order_id = ?`).bind(order.id).run();
    }
    await env.DB.prepare("UPDATE shop_balances SET pending = 0 WHERE shop_id = ?").bind(s.shop.id).run();
    await recordSale({ ...env, COMMISSION_CATEGORY_BPS: `${parent}:1000` }, order.id);
    expect((await balance(s)).pending).toEqual(thb(netOf(order, 1000)));
  });
});

describe("GET /shops/:id/reports/sales and /statement", () => {
  it("sums the day's orders, units, revenue and refunds; top products by revenue; the same as CSV", async () => {
    const s = await newSeller();
    const first = await availableOrder(s, 2);
    const { order: second } = await paidOrder(s, 3);
    await applyOrderEvent(second.id, "order.paid");
    const url = `/api/v1/shops/${s.shop.id}/reports/sales?from=${today()}&to=${today()}&granularity=day`;
    const report = await expectJson<Report>(await call("GET", url, { token: s.token }), 200);
    expect(report.currency).toBe("THB");
    expect(report.series).toEqual([
      {
        period: today(),
        orders: 2,
        units: 5,
        revenue: thb(first.total.amount + second.total.amount),
        refunds: thb(0),
      },
    ]);
    expect(report.topProducts).toEqual([
      {
        productId: s.product.id,
        name: first.items[0].name,
        units: 5,
        revenue: thb(first.items[0].lineTotal.amount + second.items[0].lineTotal.amount),
      },
    ]);
    const csv = await call("GET", url, { token: s.token, headers: { Accept: "text/csv" } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toBe("period,orders,units,revenue,refunds,currency");
    const major = (n: number) => (n / 100).toFixed(2);
    expect(lines[1]).toBe(`${today()},2,5,${major(first.total.amount + second.total.amount)},0.00,THB`);
    expect(lines).toContain("product_id,name,units,revenue,currency");
  });

  it("weeks start on Monday, months are YYYY-MM; empty periods are zeros", async () => {
    const s = await newSeller();
    const weeks = await expectJson<Report>(
      await call("GET", `/api/v1/shops/${s.shop.id}/reports/sales?from=2026-11-01&to=2026-11-30&granularity=week`, {
        token: s.token,
      }),
      200,
    );
    expect(weeks.series.map((p) => p.period)).toEqual([
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
    expect(weeks.series.every((p) => p.orders === 0 && p.revenue.amount === 0)).toBe(true);
    const months = await expectJson<Report>(
      await call("GET", `/api/v1/shops/${s.shop.id}/reports/sales?from=2026-01-15&to=2026-03-01&granularity=month`, {
        token: s.token,
      }),
      200,
    );
    expect(months.series.map((p) => p.period)).toEqual(["2026-01", "2026-02", "2026-03"]);
  });

  it("refuses a bad granularity, a reversed or too long period, with the field named", async () => {
    const s = await newSeller();
    const base = `/api/v1/shops/${s.shop.id}/reports/sales`;
    const bad = async (query: string, path: string) => {
      const p = await expectProblem(
        await call("GET", `${base}?${query}`, { token: s.token }),
        422,
        "validation_failed",
      );
      expect((p as unknown as { errors: { path: string }[] }).errors[0].path).toBe(path);
    };
    await bad("granularity=hour", "granularity");
    await bad("from=2026-12-10&to=2026-12-01", "from");
    await bad("from=2024-01-01&to=2026-12-01", "to");
    await bad("from=yesterday", "from");
  });

  it("the statement lists each movement with the balances after it, and as CSV", async () => {
    const s = await newSeller();
    const order = await availableOrder(s);
    const net = netOf(order);
    const url = `/api/v1/shops/${s.shop.id}/statement?from=${today()}&to=${today()}`;
    const statement = await expectJson<{
      entries: { type: string; orderId: string; amount: { amount: number }; balance: { amount: number } }[];
    }>(await call("GET", url, { token: s.token }), 200);
    expect(statement.entries.map((e) => [e.type, e.orderId, e.amount.amount, e.balance.amount])).toEqual([
      ["sale", order.id, net, net],
      ["release", order.id, net, net],
    ]);
    const csv = await (await call("GET", url, { token: s.token, headers: { Accept: "text/csv" } })).text();
    const [header, sale] = csv.split("\r\n");
    expect(header).toBe("at,type,order,payout,amount,pending,available,balance,currency");
    expect(sale).toContain(`,sale,${order.id},,${(net / 100).toFixed(2)},`);
  });
});

describe("only the shop's owner", () => {
  it("sees the balance, payouts, statement and reports, and pays out (403 for anyone else)", async () => {
    const s = await newSeller();
    const other = await newAccount("TH");
    const id = s.shop.id;
    for (const path of [`balance`, `payouts`, `statement`, `reports/sales`]) {
      await expectProblem(await call("GET", `/api/v1/shops/${id}/${path}`, { token: other.token }), 403, "forbidden");
    }
    await expectProblem(
      await call("POST", `/api/v1/shops/${id}/payouts`, {
        token: other.token,
        body: { amount: thb(100), destination: "wallet" },
        idempotencyKey: crypto.randomUUID(),
      }),
      403,
      "forbidden",
    );
    expect((await call("GET", `/api/v1/shops/${id}/balance`)).status).toBe(401);
    await expectProblem(await call("GET", `/api/v1/shops/shp_nope/balance`, { token: other.token }), 404, "not_found");
  });
});
