import { type RouteHandler, z } from "@hono/zod-openapi";
import { UserSchema } from "../../schemas/identity";
import { pageOf } from "../../schemas/platform";
import type { AppEnv } from "../app-env";
import { searchAccounts } from "../identity";
import { requireRole } from "../middleware/auth";
import { database } from "../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../platform/openapi";

export const searchUsersRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/users",
  tags: ["Admin"],
  summary: "Find accounts by exact phone, email or id (admins)",
  description:
    "`q` is one exact value: a phone number in E.164 (+66812345678) or national with `country`, an email address, or a user id (usr_…). Found through the keyed hashes sign-in uses, never by reading decrypted data; the page holds the account (any status) with its phone and email decrypted, or nothing. Anything else → 422 saying what to type.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: {
    query: z.object({
      q: z
        .string()
        .trim()
        .min(1, "Type a phone number, email address or user id")
        .max(254)
        .openapi({ param: { name: "q", in: "query" }, example: "+66812345678" }),
      country: z
        .string()
        .length(2)
        .toUpperCase()
        .optional()
        .openapi({
          param: { name: "country", in: "query" },
          description: "For a national phone number",
          example: "TH",
        }),
    }),
  },
  responses: { 200: jsonResponse("The accounts found (zero or one)", pageOf(UserSchema, "AdminUserPage")) },
  errors: [401, 403],
});

export const searchUsersHandler: RouteHandler<typeof searchUsersRoute, AppEnv> = async (c) => {
  const { q, country } = c.req.valid("query");
  const items = await searchAccounts(c.env, database(c.env), q, country);
  return c.json({ items, nextCursor: null }, 200);
};
