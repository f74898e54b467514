import type { z } from "@hono/zod-openapi";
import type { CreateDialogSchema, Dialog } from "../../schemas/chat";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { findShop } from "../shops";
import {
  dialogById,
  dialogOf,
  directKey,
  insertDialog,
  type NewDialog,
  newDialogRow,
  requireActiveAccounts,
  supportKey,
} from "./dialogs";
import type { RoomMember } from "./room/types";
import { roomStub } from "./rooms";

/**
 * Starting dialogs: the D1 row and its members first (a direct key makes parallel creates of one
 * pair meet in one dialog), then the new dialog's room is told its members. A room whose `init` got
 * lost is set up from D1 on its first use (rooms.ts).
 */
async function startDialog(env: Env, d: NewDialog): Promise<{ id: string; created: boolean }> {
  const created = await insertDialog(env, d);
  if (created.created) {
    await roomStub(env, d.id).init({
      dialogId: d.id,
      type: d.type,
      shopId: d.shopId,
      createdAt: d.now,
      members: d.members,
    });
  }
  return created;
}

/**
 * A direct dialog, group or channel started by `userId` with the given participants (every one an
 * active account). The caller is always a member, and the admin of a group or channel. Two people
 * have one direct dialog: a second create returns the first (`created: false`).
 */
export async function createDialog(
  env: Env,
  userId: string,
  input: z.infer<typeof CreateDialogSchema>,
  maxGroupMembers: number,
): Promise<{ dialog: Dialog; created: boolean }> {
  const others = [...new Set(input.participantIds)].filter((id) => id !== userId);
  if (input.type === "direct" && others.length !== 1) {
    throw new ApiError(
      "validation_failed",
      "A direct dialog is you and exactly one other person: send their id as participantIds.",
      { errors: [{ path: "participantIds", message: "Exactly one other user" }] },
    );
  }
  if (others.length + 1 > maxGroupMembers) {
    throw new ApiError(
      "validation_failed",
      input.type === "channel"
        ? `A channel holds at most ${maxGroupMembers} members, you included.`
        : `A group holds at most ${maxGroupMembers} members, you included.`,
      { errors: [{ path: "participantIds", message: `At most ${maxGroupMembers - 1} others` }] },
    );
  }
  const db = database(env);
  await requireActiveAccounts(db, others);
  const now = nowMs();
  const d: NewDialog = {
    id: newId("dlg", now),
    type: input.type,
    name: input.type === "direct" ? null : (input.name ?? null),
    shopId: null,
    directKey: input.type === "direct" ? directKey(userId, others[0]) : null,
    createdBy: userId,
    members: [
      { userId, role: input.type === "direct" ? "member" : "admin", joinedAt: now },
      ...others.map((other): RoomMember => ({ userId: other, role: "member", joinedAt: now })),
    ],
    now,
  };
  const { id, created } = await startDialog(env, d);
  if (created) return { dialog: dialogOf({ row: newDialogRow(d), members: d.members }), created };
  return { dialog: await dialogById(db, id), created };
}

/**
 * The buyer's support dialog with a shop: a direct dialog with the shop's owner, marked with the
 * shop, one per buyer and shop.
 */
export async function openSupportChat(
  env: Env,
  buyerId: string,
  shopId: string,
): Promise<{ dialogId: string; dialog: Dialog; created: boolean }> {
  const db = database(env);
  const shop = await findShop(db, shopId);
  if (shop.ownerId === buyerId) {
    throw new ApiError("conflict", "This is your own shop: buyers open support chats with you, not you with yourself.");
  }
  const now = nowMs();
  const { id, created } = await startDialog(env, {
    id: newId("dlg", now),
    type: "direct",
    name: shop.name,
    shopId: shop.id,
    directKey: supportKey(shop.id, buyerId),
    createdBy: buyerId,
    members: [
      { userId: buyerId, role: "member", joinedAt: now },
      { userId: shop.ownerId, role: "member", joinedAt: now },
    ],
    now,
  });
  return { dialogId: id, dialog: await dialogById(db, id), created };
}
