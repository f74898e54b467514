import type { RouteHandler } from "@hono/zod-openapi";
import { CreateDialogSchema, DialogSchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import {
  dialogOf,
  directKey,
  insertDialog,
  loadDialog,
  NO_DIALOG,
  presentDialog,
  requireActiveAccounts,
} from "../dialogs";
import type { RoomMember } from "../room/types";
import { roomStub } from "../rooms";

export const createDialogRoute = defineRoute({
  method: "post",
  path: "/api/v1/dialogs",
  tags: ["Chat"],
  summary: "Start a dialog: direct, group or channel",
  description:
    "The caller is always a member (and the admin of a group or channel). `direct`: exactly one other participant; if the two already have a direct dialog it is returned with 200, even under parallel creates. Groups and channels hold up to 1000 members; in a channel only admins post. Every participant must be an existing account (422 otherwise).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: jsonBody(CreateDialogSchema),
  responses: {
    201: jsonResponse("The new dialog", DialogSchema),
    200: jsonResponse("The existing direct dialog of the two", DialogSchema),
  },
  errors: [401],
});

export const createDialogHandler: RouteHandler<typeof createDialogRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const input = c.req.valid("json");
  const others = [...new Set(input.participantIds)].filter((id) => id !== userId);
  const { maxGroupMembers } = c.get("config").chat;
  if (input.type === "direct" && others.length !== 1) {
    throw new ApiError(
      "validation_failed",
      "A direct dialog is you and exactly one other person: send their id as participantIds.",
      { errors: [{ path: "participantIds", message: "Exactly one other user" }] },
    );
  }
  if (others.length + 1 > maxGroupMembers) {
    throw new ApiError("validation_failed", `A ${input.type} holds at most ${maxGroupMembers} members, you included.`, {
      errors: [{ path: "participantIds", message: `At most ${maxGroupMembers - 1} others` }],
    });
  }
  const db = database(c.env);
  await requireActiveAccounts(db, others);

  const now = nowMs();
  const id = newId("dlg", now);
  const members: RoomMember[] = [
    { userId, role: input.type === "direct" ? "member" : "admin", joinedAt: now },
    ...others.map((other) => ({ userId: other, role: "member" as const, joinedAt: now })),
  ];
  const created = await insertDialog(c.env, {
    id,
    type: input.type,
    name: input.type === "direct" ? null : (input.name ?? null),
    shopId: null,
    directKey: input.type === "direct" ? directKey(userId, others[0]) : null,
    createdBy: userId,
    members,
    now,
  });
  if (created.created) {
    await roomStub(c.env, id).init({ dialogId: id, type: input.type, shopId: null, createdAt: now, members });
    return c.json(
      presentDialog(
        {
          id,
          type: input.type,
          name: input.type === "direct" ? null : (input.name ?? null),
          shopId: null,
          directKey: null,
          createdBy: userId,
          memberCount: members.length,
          createdAt: now,
          updatedAt: now,
          activityAt: now,
          lastSeq: 0,
          lastMessageId: null,
          lastMessageAt: null,
          lastSenderId: null,
          lastKind: null,
          lastPreviewEnc: null,
          lastDeleted: false,
        },
        members.map((m) => m.userId),
        members.filter((m) => m.role === "admin").map((m) => m.userId),
      ),
      201,
    );
  }
  const existing = await loadDialog(db, created.id);
  if (!existing) throw new ApiError("not_found", NO_DIALOG);
  return c.json(dialogOf(existing), 200);
};
