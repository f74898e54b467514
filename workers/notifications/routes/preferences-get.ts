import type { RouteHandler } from "@hono/zod-openapi";
import { PreferencesSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { currentReader } from "../inbox";
import { type Preferences, preferencesFor } from "../preferences";

export function presentPreferences(prefs: Preferences, timezone: string) {
  return {
    channels: prefs.channels,
    categories: prefs.categories,
    quietHours: prefs.quietHours ? { ...prefs.quietHours, timezone } : null,
  };
}

export const getPreferencesRoute = defineRoute({
  method: "get",
  path: "/api/v1/notifications/preferences",
  tags: ["Notifications"],
  summary: "The caller's notification preferences",
  description:
    "Channels × categories: a notification goes out on a channel only if both are on. Defaults: every channel, every category but promotions (opt-in). Security messages ignore these switches. `quietHours` (in the user's time zone) holds back push and SMS that are not urgent until it ends.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("The preferences", PreferencesSchema) },
  errors: [401],
});

export const getPreferencesHandler: RouteHandler<typeof getPreferencesRoute, AppEnv> = async (c) => {
  const reader = await currentReader(c);
  return c.json(presentPreferences(await preferencesFor(database(c.env), reader.userId), reader.timezone), 200);
};
