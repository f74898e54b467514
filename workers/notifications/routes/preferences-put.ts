import type { RouteHandler } from "@hono/zod-openapi";
import { PreferencesInputSchema, PreferencesSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { currentReader } from "../inbox";
import { savePreferences } from "../preferences";
import { presentPreferences } from "./preferences-get";

export const putPreferencesRoute = defineRoute({
  method: "put",
  path: "/api/v1/notifications/preferences",
  tags: ["Notifications"],
  summary: "Change the caller's notification preferences",
  description:
    "Send the switches to change; the others keep their value. `quietHours: null` turns quiet hours off. Answers the preferences as they now are.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: jsonBody(PreferencesInputSchema),
  responses: { 200: jsonResponse("The preferences", PreferencesSchema) },
  errors: [401],
});

export const putPreferencesHandler: RouteHandler<typeof putPreferencesRoute, AppEnv> = async (c) => {
  const reader = await currentReader(c);
  const saved = await savePreferences(database(c.env), reader.userId, c.req.valid("json"));
  return c.json(presentPreferences(saved, reader.timezone), 200);
};
