import type { RouteHandler } from "@hono/zod-openapi";
import { MessageParamSchema, ReportedSchema, ReportInputSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { reportMessage } from "../flags";

export const reportMessageRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs/{id}/messages/{messageId}/report",
  tags: ["Chat"],
  summary: "Report a message to the admins",
  description:
    "Members report messages of others (scams, abuse, payment outside the platform). Reporting the same message again changes nothing. Admins see reports at GET /api/v1/admin/chat/flags.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("report")] as const,
  request: {
    params: MessageParamSchema,
    body: { required: false, content: { "application/json": { schema: ReportInputSchema } } },
  },
  responses: { 202: jsonResponse("The report was received", ReportedSchema) },
  errors: [401, 403, 404, 409],
});

export const reportMessageHandler: RouteHandler<typeof reportMessageRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id, messageId } = c.req.valid("param");
  const note = (c.req.valid("json") as { reason?: string } | undefined)?.reason;
  return c.json(await reportMessage(c.env, id, messageId, userId, note), 202);
};
