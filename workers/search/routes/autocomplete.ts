import type { RouteHandler } from "@hono/zod-openapi";
import { AutocompleteQuerySchema, AutocompleteResultSchema } from "../../../schemas/search";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { autocomplete } from "../autocomplete";

export const autocompleteRoute = defineRoute({
  method: "get",
  path: "/api/v1/search/autocomplete",
  tags: ["Search"],
  summary: "Suggestions for a search being typed",
  description:
    "Up to 10 suggestions completing the prefix typed so far: brands, category names (any language), product " +
    "names with a word starting with it, then words completing the last word. Diacritics are optional; Thai prefixes work as typed. " +
    "A prefix typed again is answered from the Worker's copy, only while the index and the category names are unchanged.",
  request: { query: AutocompleteQuerySchema },
  responses: { 200: jsonResponse("Suggestions, best first", AutocompleteResultSchema) },
});

export const autocompleteHandler: RouteHandler<typeof autocompleteRoute, AppEnv> = async (c) => {
  const { q } = c.req.valid("query");
  return c.json({ suggestions: await autocomplete(c.env, q) }, 200);
};
