import { describe, expect, it } from "vitest";
import { call, expectJson } from "./helpers";

interface Doc {
  paths: Record<
    string,
    Record<string, { tags?: string[]; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>
  >;
  tags: { name: string }[];
}

describe("the OpenAPI document", () => {
  // Full schema validation runs against a real server in test/e2e/platform.test.ts.
  it("describes the cart and shipping endpoints", async () => {
    const doc = await expectJson<Doc>(await call("GET", "/openapi.json"), 200);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "GET /api/v1/cart",
        "DELETE /api/v1/cart",
        "POST /api/v1/cart/items",
        "PATCH /api/v1/cart/items/{id}",
        "DELETE /api/v1/cart/items/{id}",
        "POST /api/v1/cart/validate",
        "POST /api/v1/shipping/rates",
      ]),
    );
    expect(doc.tags.map((t) => t.name)).toEqual(expect.arrayContaining(["Cart", "Shipping"]));
    const add = doc.paths["/api/v1/cart/items"].post;
    expect(Object.keys(add.responses)).toEqual(expect.arrayContaining(["200", "404", "409", "422"]));
    expect(add.parameters?.map((p) => `${p.in}:${p.name}`)).toContain("header:x-cart-token");
    expect(Object.keys(doc.paths["/api/v1/shipping/rates"].post.responses)).toEqual(
      expect.arrayContaining(["200", "409", "422"]),
    );
  });
});
