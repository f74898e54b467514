import { SyntheticChecksSchema } from "../../schemas/synthetics";
import { requireRole } from "../middleware/auth";
import { bearerAuth, createRouter, defineRoute, jsonResponse } from "../platform/openapi";
import { latestSyntheticResults } from "./run";

export const syntheticChecksRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/synthetic-checks",
  tags: ["Admin"],
  summary: "The latest result of each synthetic check (admins)",
  description:
    "Every SYNTHETIC_CHECK_INTERVAL_MINUTES the cron runs the main flows (health, ready, catalog read, search, OTP sign-in and chat where DEV_OUTBOX is on, cart add) through the Worker itself. Each result is also an Analytics Engine data point.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  responses: { 200: jsonResponse("The latest result per check", SyntheticChecksSchema) },
  errors: [401, 403],
});

export const syntheticsRouter = createRouter().openapi(syntheticChecksRoute, async (c) => {
  const latest = await latestSyntheticResults(c.env);
  return c.json(
    {
      items: latest.map(({ checkedAt, ...r }) => ({ ...r, checkedAt: new Date(checkedAt).toISOString() })),
    },
    200,
  );
});
