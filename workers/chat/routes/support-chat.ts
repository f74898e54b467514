import type { RouteHandler } from "@hono/zod-openapi";
import { SupportChatSchema } from "../../../schemas/chat";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { findShop } from "../../shops";
import { dialogOf, insertDialog, loadDialog, NO_DIALOG, supportKey } from "../dialogs";
import type { RoomMember } from "../room/types";
import { roomStub } from "../rooms";

export const supportChatRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops/{id}/chat",
  tags: ["Chat"],
  summary: "The caller's support dialog with a shop",
  description:
    "A direct dialog between the buyer (the caller) and the shop's owner, marked with `shopId`; one per buyer and shop (201 when it is created, 200 afterwards). Messages in it that carry phone numbers or off-platform payment links are flagged for admins.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: {
    201: jsonResponse("The new support dialog", SupportChatSchema),
    200: jsonResponse("The existing support dialog", SupportChatSchema),
  },
  errors: [401, 404, 409],
});

export const supportChatHandler: RouteHandler<typeof supportChatRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const db = database(c.env);
  const shop = await findShop(db, c.req.valid("param").id);
  if (shop.ownerId === userId) {
    throw new ApiError("conflict", "This is your own shop: buyers open support chats with you, not you with yourself.");
  }
  const now = nowMs();
  const id = newId("dlg", now);
  const members: RoomMember[] = [
    { userId, role: "member", joinedAt: now },
    { userId: shop.ownerId, role: "member", joinedAt: now },
  ];
  const created = await insertDialog(c.env, {
    id,
    type: "direct",
    name: shop.name,
    shopId: shop.id,
    directKey: supportKey(shop.id, userId),
    createdBy: userId,
    members,
    now,
  });
  if (created.created) {
    await roomStub(c.env, id).init({ dialogId: id, type: "direct", shopId: shop.id, createdAt: now, members });
  }
  const loaded = await loadDialog(db, created.id);
  if (!loaded) throw new ApiError("not_found", NO_DIALOG);
  return c.json({ dialogId: created.id, dialog: dialogOf(loaded) }, created.created ? 201 : 200);
};
