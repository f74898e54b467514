import type { MemberRole, Message } from "../../../schemas/chat";
import type { RoomCore } from "./core";
import { insertSystem } from "./send";
import { adminCount, insertMember, lastSeq, readMember } from "./store";
import { fail, type Outcome, type RoomEffect } from "./types";

/**
 * Membership changes of groups and channels, decided inside the room (it is the authority on who
 * is a member and who is admin; D1 follows). Each change is a system message everyone sees.
 */
type System = { message: Message; effect: RoomEffect };

export function addMembers(
  room: RoomCore,
  actorId: string,
  userIds: string[],
): Outcome<{
  added: string[];
  joinedSeq: number;
  memberCount: number;
  message: Message | null;
  effect: RoomEffect | null;
}> {
  const g = room.guard(actorId);
  if (!g.ok) return g;
  if (g.meta.type === "direct") {
    return fail("conflict", "A direct dialog has exactly two people. Create a group to talk with more.");
  }
  if (g.member.role !== "admin") return fail("forbidden", "Only the dialog's admins can add members.");
  const current = new Set(room.memberIds());
  const added = [...new Set(userIds)].filter((id) => !current.has(id));
  if (current.size + added.length > room.config.maxGroupMembers) {
    return fail(
      "conflict",
      g.meta.type === "channel"
        ? `A channel holds at most ${room.config.maxGroupMembers} members; it has ${current.size}.`
        : `A group holds at most ${room.config.maxGroupMembers} members; it has ${current.size}.`,
    );
  }
  // A member who joins now starts with everything before them read.
  const joinedSeq = lastSeq(room.sql);
  if (added.length === 0) return { ok: true, added, joinedSeq, memberCount: current.size, message: null, effect: null };
  const now = Date.now();
  for (const userId of added) insertMember(room.sql, { userId, role: "member", joinedAt: now }, joinedSeq);
  room.forgetMembers();
  const system = insertSystem(room, actorId, { event: "members_added", actorId, userIds: added });
  return { ok: true, added, joinedSeq, memberCount: room.memberIds().length, ...system };
}

/** An admin removes someone, or someone leaves (actor = user). The last admin's leaving promotes the eldest member. */
export function removeMember(
  room: RoomCore,
  actorId: string,
  userId: string,
): Outcome<{ memberCount: number; promoted: string | null } & System> {
  const g = room.guard(actorId);
  if (!g.ok) return g;
  const leaving = actorId === userId;
  if (g.meta.type === "direct") return fail("conflict", "Nobody leaves a direct dialog; mute it instead.");
  if (!leaving && g.member.role !== "admin") return fail("forbidden", "Only the dialog's admins can remove members.");
  const target = leaving ? g.member : readMember(room.sql, userId);
  if (!target) return fail("not_found", "This user is not a member of the dialog.");
  room.sql.exec("DELETE FROM members WHERE user_id = ?", userId);
  room.sql.exec("DELETE FROM dirty_reads WHERE user_id = ?", userId);
  room.forgetMembers();
  let promoted: string | null = null;
  if (adminCount(room.sql) === 0) {
    const eldest = room.sql
      .exec<{ user_id: string }>("SELECT user_id FROM members ORDER BY joined_at, user_id LIMIT 1")
      .toArray()[0];
    if (eldest) {
      room.sql.exec("UPDATE members SET role = 'admin' WHERE user_id = ?", eldest.user_id);
      room.forgetMembers();
      promoted = eldest.user_id;
    }
  }
  for (const [ws, state] of [...room.live.all()]) {
    if (state.userId !== userId) continue;
    room.live.sendTo(ws, { type: "error", code: "forbidden", detail: "You are no longer a member of this dialog." });
    room.live.close(ws, 4403, "removed from the dialog");
  }
  const system = insertSystem(room, actorId, {
    event: leaving ? "member_left" : "member_removed",
    actorId,
    userIds: [userId],
  });
  return { ok: true, memberCount: room.memberIds().length, promoted, ...system };
}

export function setRole(
  room: RoomCore,
  actorId: string,
  userId: string,
  role: MemberRole,
): Outcome<{ message: Message | null; effect: RoomEffect | null }> {
  const g = room.guard(actorId);
  if (!g.ok) return g;
  if (g.meta.type === "direct") return fail("conflict", "A direct dialog has no admins.");
  if (g.member.role !== "admin") return fail("forbidden", "Only the dialog's admins can change roles.");
  const target = readMember(room.sql, userId);
  if (!target) return fail("not_found", "This user is not a member of the dialog.");
  if (target.role === role) return { ok: true, message: null, effect: null };
  if (role === "member" && adminCount(room.sql) === 1) {
    return fail("conflict", "A dialog needs at least one admin. Make someone else admin first.");
  }
  room.sql.exec("UPDATE members SET role = ? WHERE user_id = ?", role, userId);
  room.forgetMembers();
  return { ok: true, ...insertSystem(room, actorId, { event: "role_changed", actorId, userIds: [userId], role }) };
}

export function rename(room: RoomCore, actorId: string, name: string): Outcome<System> {
  const g = room.guard(actorId);
  if (!g.ok) return g;
  if (g.meta.type === "direct") return fail("conflict", "A direct dialog has no name.");
  if (g.member.role !== "admin") return fail("forbidden", "Only the dialog's admins can rename it.");
  return { ok: true, ...insertSystem(room, actorId, { event: "renamed", actorId, name }) };
}
