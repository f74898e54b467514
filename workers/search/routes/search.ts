import { type RouteHandler, z } from "@hono/zod-openapi";
import { SearchQuerySchema, SearchResultSchema } from "../../../schemas/search";
import type { AppEnv } from "../../app-env";
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
    "Without words, browses by the filters (at least one filter is then required). The same search within a few " +
    "seconds may be answered from the Worker's copy (`X-Cache: HIT`), only while no index write happened since; " +
    "`flashSale` is always current (a sale created or cancelled shows at once, and one starts and ends on time).",
  request: { query: SearchQuerySchema },
  responses: {
    200: {
      ...jsonResponse("A page of matching products with the total and facets", SearchResultSchema),
      headers: z.object({
        "X-Cache": z
          .enum(["HIT", "MISS"])
          .openapi({ description: "Whether the Worker's copy of the same search answered (no search statement ran)" }),
        "Server-Timing": z.string().openapi({ description: "Milliseconds D1 spent: d1-lookup, d1-match" }),
      }),
    },
  },
});

export const searchHandler: RouteHandler<typeof searchRoute, AppEnv> = async (c) => {
  const {
    expansion: _expansion,
    timings,
    cache,
    ...result
  } = await search(c.env, c.req.valid("query"), new URL(c.req.url).origin);
  c.header("Server-Timing", `d1-lookup;dur=${timings.lookup}, d1-match;dur=${timings.match}`);
  c.header("X-Cache", cache);
  return c.json(result, 200);
};
