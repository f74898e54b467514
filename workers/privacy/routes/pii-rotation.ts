import type { RouteHandler } from "@hono/zod-openapi";
import { PiiRotationInputSchema, PiiRotationStatusSchema } from "../../../schemas/privacy";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { rotationStatus, runPiiRotation } from "../rotation";

export const runPiiRotationRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/pii-rotation",
  tags: ["Admin"],
  summary: "Re-encrypt stored PII to the newest key: starts or continues the rotation (admins)",
  description:
    "Runs up to PII_ROTATION_BATCHES_PER_RUN batches and answers where the rotation stands; call again (or let the minute cron continue) until `done`. Runbook: docs/privacy.md.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: jsonBody(PiiRotationInputSchema),
  responses: { 200: jsonResponse("Where the rotation stands", PiiRotationStatusSchema) },
  errors: [401, 403],
});

export const runPiiRotationHandler: RouteHandler<typeof runPiiRotationRoute, AppEnv> = async (c) =>
  c.json(await runPiiRotation(c.env, { restart: c.req.valid("json").restart }), 200);

export const piiRotationStatusRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/pii-rotation",
  tags: ["Admin"],
  summary: "Where the PII key rotation stands, with the rows left under older keys (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  responses: { 200: jsonResponse("Where the rotation stands", PiiRotationStatusSchema) },
  errors: [401, 403],
});

export const piiRotationStatusHandler: RouteHandler<typeof piiRotationStatusRoute, AppEnv> = async (c) =>
  c.json(await rotationStatus(c.env), 200);
