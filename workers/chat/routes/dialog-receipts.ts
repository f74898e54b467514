import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema, ReceiptsSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { inRoom } from "../rooms";

export const receiptsRoute = defineRoute({
  method: "get",
  path: "/api/v1/dialogs/{id}/receipts",
  tags: ["Chat"],
  summary: "How far each member has received and read",
  description: "A message with seq ≤ a member's lastReadSeq is read by them; ≤ lastDeliveredSeq, delivered.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DialogIdParamSchema },
  responses: { 200: jsonResponse("Per-member positions", ReceiptsSchema) },
  errors: [401, 403, 404],
});

export const receiptsHandler: RouteHandler<typeof receiptsRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const out = await inRoom(c.env, c.req.valid("param").id, (room) => room.receipts({ userId }));
  return c.json({ items: out.items }, 200);
};
