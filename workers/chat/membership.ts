import { and, eq } from "drizzle-orm";
import { dialogMembers, dialogs } from "../../d1/schema/chat";
import type { Dialog, MemberRole } from "../../schemas/chat";
import { database, nowMs } from "../platform/db";
import { rpcTrace } from "../platform/request-context";
import { dialogById, requireActiveAccounts } from "./dialogs";
import { statement } from "./effects";
import { applyEffects, inRoom } from "./rooms";

/**
 * Membership of groups and channels. The dialog's room decides (it is the authority on who is a
 * member and who is admin, and writes the system message); D1's listing follows its answer.
 */
type Waiter = Pick<ExecutionContext, "waitUntil">;

/** Adds active accounts (users already in the dialog are skipped); the dialog as it is after. */
export async function addDialogMembers(
  env: Env,
  ctx: Waiter,
  dialogId: string,
  actorId: string,
  userIds: readonly string[],
): Promise<Dialog> {
  const ids = [...new Set(userIds)];
  const db = database(env);
  await requireActiveAccounts(db, ids, "userIds");
  const out = await inRoom(env, dialogId, (room) => room.addMembers({ actorId, userIds: ids }, rpcTrace()));
  if (out.added.length > 0) {
    const now = nowMs();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO dialog_members (dialog_id, user_id, role, joined_at, last_read_seq, muted)
           SELECT ?1, value, 'member', ?2, ?3, 0 FROM json_each(?4) WHERE true
         ON CONFLICT DO NOTHING`,
      ).bind(dialogId, now, out.joinedSeq, JSON.stringify(out.added)),
      statement(
        env.DB,
        db.update(dialogs).set({ memberCount: out.memberCount, updatedAt: now }).where(eq(dialogs.id, dialogId)),
      ),
    ]);
    await applyEffects(env, ctx, [out.effect]);
  }
  return dialogById(db, dialogId);
}

/** An admin removes someone, or someone leaves (actor = user); the last admin's leaving promotes the eldest member. */
export async function removeDialogMember(
  env: Env,
  ctx: Waiter,
  dialogId: string,
  actorId: string,
  userId: string,
): Promise<void> {
  const out = await inRoom(env, dialogId, (room) => room.removeMember({ actorId, userId }, rpcTrace()));
  const db = database(env);
  await db.batch([
    db.delete(dialogMembers).where(and(eq(dialogMembers.dialogId, dialogId), eq(dialogMembers.userId, userId))),
    ...(out.promoted
      ? [
          db
            .update(dialogMembers)
            .set({ role: "admin" })
            .where(and(eq(dialogMembers.dialogId, dialogId), eq(dialogMembers.userId, out.promoted))),
        ]
      : []),
    db.update(dialogs).set({ memberCount: out.memberCount, updatedAt: nowMs() }).where(eq(dialogs.id, dialogId)),
  ]);
  await applyEffects(env, ctx, [out.effect]);
}

/** Makes a member admin, or an admin member (a group or channel keeps at least one admin). */
export async function changeMemberRole(
  env: Env,
  ctx: Waiter,
  dialogId: string,
  actorId: string,
  userId: string,
  role: MemberRole,
): Promise<Dialog> {
  const out = await inRoom(env, dialogId, (room) => room.setRole({ actorId, userId, role }, rpcTrace()));
  const db = database(env);
  await db
    .update(dialogMembers)
    .set({ role })
    .where(and(eq(dialogMembers.dialogId, dialogId), eq(dialogMembers.userId, userId)));
  await applyEffects(env, ctx, [out.effect]);
  return dialogById(db, dialogId);
}

/** Renames a group or channel (its admins). */
export async function renameDialog(
  env: Env,
  ctx: Waiter,
  dialogId: string,
  actorId: string,
  name: string,
): Promise<Dialog> {
  const out = await inRoom(env, dialogId, (room) => room.rename({ actorId, name }, rpcTrace()));
  const db = database(env);
  await db.update(dialogs).set({ name, updatedAt: nowMs() }).where(eq(dialogs.id, dialogId));
  await applyEffects(env, ctx, [out.effect]);
  return dialogById(db, dialogId);
}
