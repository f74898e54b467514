import type { RouteHandler } from "@hono/zod-openapi";
import { searchSynonyms } from "../../../d1/schema/search";
import { SynonymInputSchema, SynonymSchema } from "../../../schemas/search";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { bumpSearchGeneration } from "../cache";
import { presentSynonym } from "../present";
import { synonymKey, synonymText } from "../synonyms";
import { tokens } from "../text";

export const createSynonymRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/search/synonyms",
  tags: ["Admin", "Search"],
  summary: "Add a synonym rule (admins)",
  description:
    "A one-way rule: searching `term` also finds products matching any of `synonyms`. It applies to the next " +
    "search. `term` is stored folded (lower case, no diacritics); one rule per locale and term (409 otherwise: delete it first).",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: jsonBody(SynonymInputSchema),
  responses: { 201: jsonResponse("The new rule", SynonymSchema) },
  errors: [401, 403, 409],
});

export const createSynonymHandler: RouteHandler<typeof createSynonymRoute, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const term = synonymKey(input.term);
  if (tokens(term).length === 0) {
    throw new ApiError("validation_failed", "The term needs at least one letter or digit.", {
      errors: [{ path: "term", message: "Needs a letter or digit" }],
    });
  }
  const synonyms = [...new Set(input.synonyms.map(synonymText))].filter(
    (s) => tokens(s).length > 0 && synonymKey(s) !== term,
  );
  if (synonyms.length === 0) {
    throw new ApiError(
      "validation_failed",
      "Give at least one synonym with letters or digits that differs from the term.",
      {
        errors: [{ path: "synonyms", message: "No usable synonym" }],
      },
    );
  }
  const db = database(c.env);
  // A new rule changes answers: the generation moves with it (cached answers are not reused).
  const [[row]] = await db.batch([
    db
      .insert(searchSynonyms)
      .values({ id: newId("syn"), locale: input.locale, term, synonyms, createdAt: nowMs() })
      .onConflictDoNothing()
      .returning(),
    bumpSearchGeneration(db),
  ]);
  if (!row) {
    throw new ApiError(
      "conflict",
      `There is already a ${input.locale} rule for "${term}". Delete it (DELETE /api/v1/admin/search/synonyms/{id}) and add the new one.`,
    );
  }
  return c.json(presentSynonym(row), 201);
};
