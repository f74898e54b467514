import type { RouteHandler } from "@hono/zod-openapi";
import {
  AlertIncidentSchema,
  AlertNoticeQuerySchema,
  AlertNoticeSchema,
  AlertRulesSchema,
} from "../../../schemas/metrics";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { incidentsPage } from "../alerts/incidents";
import { noticesPage } from "../alerts/notices";
import { loadRules, saveRules, validateRules } from "../alerts/rules";

export const getAlertsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/alerts",
  tags: ["Admin"],
  summary: "The alert rules the minute cron evaluates (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  responses: { 200: jsonResponse("The rules", AlertRulesSchema) },
  errors: [401, 403],
});

export const putAlertsRoute = defineRoute({
  method: "put",
  path: "/api/v1/admin/alerts",
  tags: ["Admin"],
  summary: "Replace the alert rules (admins)",
  description:
    "Each rule watches one metric over its last windowMinutes; an incident opens (and its targets are told once) when `metric op threshold` holds, and resolves (told again) when it no longer does. notify holds email addresses and https webhook URLs of public hosts.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: jsonBody(AlertRulesSchema),
  responses: { 200: jsonResponse("The rules now in force", AlertRulesSchema) },
  errors: [401, 403, 422],
});

export const listIncidentsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/alerts/incidents",
  tags: ["Admin"],
  summary: "Alert incidents, newest first (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse("A page of incidents", pageOf(AlertIncidentSchema, "AlertIncidentPage")) },
  errors: [401, 403],
});

export const listNoticesRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/alerts/notices",
  tags: ["Admin"],
  summary: "Alert notices (one per target of an incident's opening or resolving), newest first (admins)",
  description:
    "Whether each email or webhook notice of an incident was sent: `incidentId` gives one incident's, `status` those pending, sent or failed (given up after the cron's last attempt).",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: AlertNoticeQuerySchema },
  responses: { 200: jsonResponse("A page of notices", pageOf(AlertNoticeSchema, "AlertNoticePage")) },
  errors: [401, 403],
});

export const getAlertsHandler: RouteHandler<typeof getAlertsRoute, AppEnv> = async (c) =>
  c.json({ rules: await loadRules(database(c.env)) }, 200);

export const putAlertsHandler: RouteHandler<typeof putAlertsRoute, AppEnv> = async (c) => {
  const rules = validateRules(c.req.valid("json").rules);
  await saveRules(database(c.env), rules);
  return c.json({ rules }, 200);
};

export const listIncidentsHandler: RouteHandler<typeof listIncidentsRoute, AppEnv> = async (c) =>
  c.json(await incidentsPage(database(c.env), c.req.valid("query")), 200);

export const listNoticesHandler: RouteHandler<typeof listNoticesRoute, AppEnv> = async (c) =>
  c.json(await noticesPage(database(c.env), c.req.valid("query")), 200);
