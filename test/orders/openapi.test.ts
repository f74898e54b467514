import { describe, expect, it } from "vitest";
import { call, expectJson } from "./helpers";

interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

describe("the OpenAPI document", () => {
  // Full schema validation runs against a real server in test/e2e/platform.test.ts.
  it("describes every orders and payments operation of the contract", async () => {
    const doc = await expectJson<Doc>(await call("GET", "/openapi.json"), 200);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "POST /api/v1/orders",
        "GET /api/v1/orders",
        "GET /api/v1/orders/{id}",
        "GET /api/v1/orders/{id}/timeline",
        "GET /api/v1/orders/{id}/invoice",
        "POST /api/v1/orders/{id}/cancel",
        "PATCH /api/v1/orders/{id}/status",
        "GET /api/v1/shops/{id}/orders",
        "POST /api/v1/payments",
        "GET /api/v1/payments/{id}",
        "POST /api/v1/payments/{id}/simulate",
        "POST /api/v1/payments/webhook/{gateway}",
      ]),
    );
    const codes = (path: string, method: string) => Object.keys(doc.paths[path][method].responses);
    expect(codes("/api/v1/orders", "post")).toEqual(expect.arrayContaining(["201", "400", "409", "422"]));
    expect(codes("/api/v1/orders/{id}/status", "patch")).toEqual(expect.arrayContaining(["200", "403", "409", "422"]));
    expect(codes("/api/v1/payments/webhook/{gateway}", "post")).toEqual(expect.arrayContaining(["200", "401"]));
  });
});
