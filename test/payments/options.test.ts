import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { type GatewayName, gatewayFor } from "../../workers/payments/gateways";
import { call, expectJson, expectProblem, guestOrder, newAccount, sellerWithProduct } from "../orders/helpers";
import { withVars } from "../platform/limits";

// GET /api/v1/payments/options (beyond the contract): what POST /payments takes, per currency.

interface Option {
  gateway: GatewayName;
  method: string;
  label?: string;
  kind: string;
  sandbox: boolean;
}

const options = async (query: string, who: { token?: string; cartToken?: string } = {}) =>
  expectJson<{ currency: string; options: Option[] }>(await call("GET", `/api/v1/payments/options?${query}`, who), 200);

const pairs = (list: Option[]) => list.map((o) => `${o.gateway}:${o.method}`);

describe("GET /payments/options", () => {
  it("lists the configured gateways' methods for THB, each one the gateway supports", async () => {
    const { currency, options: list } = await options("currency=THB");
    expect(currency).toBe("THB");
    expect(pairs(list)).toEqual(
      expect.arrayContaining(["stripe:card", "omise:card", "omise:promptpay", "sandbox:card", "sandbox:promptpay"]),
    );
    // Indonesian and Philippine methods are not for baht.
    expect(pairs(list).some((p) => /qris|_va$|gcash/.test(p))).toBe(false);
    for (const o of list) {
      expect(gatewayFor(o.gateway, env, fetch).supports(o.method, "THB"), `${o.gateway}:${o.method}`).toBe(true);
      expect(o.sandbox).toBe(o.gateway === "sandbox");
    }
    expect(list.find((o) => o.method === "promptpay")).toMatchObject({ kind: "qr", label: "PromptPay" });
    expect(list.find((o) => o.gateway === "stripe")).toEqual({
      gateway: "stripe",
      method: "card",
      kind: "card",
      sandbox: false,
    });
  });

  it("IDR: virtual accounts, QRIS and wallets of Midtrans and Xendit", async () => {
    const { options: list } = await options("currency=IDR");
    expect(pairs(list)).toEqual(
      expect.arrayContaining(["midtrans:bca_va", "midtrans:qris", "midtrans:gopay", "xendit:mandiri_va", "xendit:ovo"]),
    );
    expect(list.find((o) => o.method === "bca_va")?.kind).toBe("virtual_account");
    expect(list.find((o) => o.method === "ovo")?.kind).toBe("ewallet");
    expect(pairs(list)).not.toContain("omise:promptpay");
  });

  it("no sandbox where PAYMENTS_SANDBOX is off; no gateway whose keys are missing", async () => {
    const res = await withVars({ PAYMENTS_SANDBOX: "false", OMISE_SECRET_KEY: "" })(
      "GET",
      "/api/v1/payments/options?currency=THB",
    );
    const { options: list } = await expectJson<{ options: Option[] }>(res, 200);
    expect(pairs(list)).toEqual(["stripe:card"]);
  });

  it("for orders: their currency; only the caller's own unpaid orders", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const { cartToken, order } = await guestOrder(product.id);
    const mine = await options(`orderIds=${order.id}`, { cartToken });
    expect(mine.currency).toBe("THB");
    expect(pairs(mine.options)).toContain("omise:promptpay");

    const stranger = await newAccount("TH");
    await expectProblem(
      await call("GET", `/api/v1/payments/options?orderIds=${order.id}`, { token: stranger.token }),
      404,
      "not_found",
    );
    // Another guest's cart token is not the one the order was checked out with.
    const otherGuest = await guestOrder(product.id);
    await expectProblem(
      await call("GET", `/api/v1/payments/options?orderIds=${order.id}`, { cartToken: otherGuest.cartToken }),
      404,
      "not_found",
    );
    await expectProblem(await call("GET", `/api/v1/payments/options?orderIds=${order.id}`), 401, "unauthorized");
  });

  it("a bad currency, or neither or both of currency and orderIds, is a 4xx problem", async () => {
    for (const query of ["currency=XYZ", "currency=thb", "", "currency=THB&orderIds=ord_1", "orderIds="]) {
      const res = await call("GET", `/api/v1/payments/options?${query}`);
      expect([400, 422], `${query}: ${res.status}`).toContain(res.status);
      expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    }
  });
});
