import type { RouteHandler } from "@hono/zod-openapi";
import { SupportChatSchema } from "../../../schemas/chat";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { openSupportChat } from "../open-dialogs";

export const supportChatRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops/{id}/chat",
  tags: ["Chat"],
  summary: "The caller's support dialog with a shop",
  description:
    "A direct dialog between the buyer (the caller) and the shop's owner, marked with `shopId`; one per buyer and shop (201 when it is created, 200 afterwards). Messages in it that carry phone numbers or off-platform payment links are flagged for admins.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("dialog")] as const,
  request: { params: IdParamSchema },
  responses: {
    201: jsonResponse("The new support dialog", SupportChatSchema),
    200: jsonResponse("The existing support dialog", SupportChatSchema),
  },
  errors: [401, 404, 409],
});

export const supportChatHandler: RouteHandler<typeof supportChatRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { created, ...chat } = await openSupportChat(c.env, userId, c.req.valid("param").id);
  return created ? c.json(chat, 201) : c.json(chat, 200);
};
