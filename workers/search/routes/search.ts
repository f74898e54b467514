import type { RouteHandler } from "@hono/zod-openapi";
import { SearchQuerySchema, SearchResultSchema } from "../../../schemas/search";
import type { AppEnv } from "../../app-env";
import { searchFlashSales } from "../../catalog";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { search } from "../engine";

export const searchRoute = defineRoute({
  method: "get",
  path: "/api/v1/search",
  tags: ["Search"],
  summary: "Search active products",
  description:
    "Finds active products by words in any language: Thai and other unspaced scripts are segmented into words, " +
    "Vietnamese and Indonesian match with or without diacritics, one typo per word is tolerated (`samsnug`), and " +
    "synonyms apply (`hp` → handphone, `laptop` ↔ notebook). Ranked by bm25 over name > brand > category > " +
    "description unless another sort is asked for. Facets count the whole match set, not just the page. " +
    "Without words, browses by the filters (at least one filter is then required).",
  request: { query: SearchQuerySchema },
  responses: { 200: jsonResponse("A page of matching products with the total and facets", SearchResultSchema) },
});

export const searchHandler: RouteHandler<typeof searchRoute, AppEnv> = async (c) => {
  const {
    expansion: _expansion,
    timings,
    ...result
  } = await search(c.env, c.req.valid("query"), new URL(c.req.url).origin);
  c.header("Server-Timing", `d1-lookup;dur=${timings.lookup}, d1-match;dur=${timings.match}`);
  // Live flash sales, read fresh for the page (never part of the search index).
  const sales = await searchFlashSales(
    c.env,
    result.items.map((i) => i.id),
  );
  const items = result.items.map((i) => {
    const flashSale = sales.get(i.id);
    return flashSale ? { ...i, flashSale } : i;
  });
  return c.json({ ...result, items }, 200);
};
