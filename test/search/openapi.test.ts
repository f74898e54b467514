import { describe, expect, it } from "vitest";
import { call, expectJson } from "./helpers";

interface Doc {
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; schema: unknown }[]; responses: Record<string, unknown> }>
  >;
}

describe("the OpenAPI document", () => {
  it("describes the search endpoints", async () => {
    const doc = await expectJson<Doc>(await call("GET", "/openapi.json"), 200);
    expect(Object.keys(doc.paths["/api/v1/search"].get.responses)).toEqual(expect.arrayContaining(["200", "422"]));
    const params = doc.paths["/api/v1/search"].get.parameters?.map((p) => p.name);
    expect(params).toEqual(
      expect.arrayContaining([
        "q",
        "categoryId",
        "minPrice",
        "maxPrice",
        "sort",
        "limit",
        "cursor",
        "currency",
        "brand",
      ]),
    );
    expect(doc.paths["/api/v1/search/autocomplete"].get).toBeDefined();
    expect(Object.keys(doc.paths["/api/v1/admin/search/synonyms"])).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(doc.paths["/api/v1/admin/search/synonyms/{id}"].delete.responses)).toEqual(
      expect.arrayContaining(["204", "403", "404"]),
    );
    expect(doc.paths["/api/v1/admin/search/reindex"].post).toBeDefined();
  });
});
