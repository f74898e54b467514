import { describe, expect, it } from "vitest";
import { expectJson, get } from "./helpers";

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { tags?: string[]; responses: Record<string, unknown> }>>;
}

describe("the OpenAPI document", () => {
  // Full schema validation needs Ajv, which cannot compile inside workerd: test/e2e/platform.test.ts
  // validates the whole document against a running server.
  it("describes every shops, catalog and media path", async () => {
    const doc = await expectJson<Doc>(await get("/openapi.json"), 200);
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "POST /api/v1/shops",
        "GET /api/v1/shops/{id}",
        "PATCH /api/v1/shops/{id}",
        "POST /api/v1/admin/shops/{id}/verification",
        "POST /api/v1/admin/categories",
        "PATCH /api/v1/admin/categories/{id}",
        "DELETE /api/v1/admin/categories/{id}",
        "GET /api/v1/products",
        "POST /api/v1/products",
        "GET /api/v1/products/{id}",
        "PATCH /api/v1/products/{id}",
        "DELETE /api/v1/products/{id}",
        "GET /api/v1/inventory/{productId}",
        "PUT /api/v1/inventory/{productId}",
        "POST /api/v1/products/{id}/media",
        "POST /api/v1/media",
        "GET /api/v1/media/{id}",
      ]),
    );
    expect(Object.keys(doc.paths["/api/v1/products/{id}/media"].post.responses)).toEqual(
      expect.arrayContaining(["201", "401", "403", "404", "413", "415"]),
    );
  });
});
