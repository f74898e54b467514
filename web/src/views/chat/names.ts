import type { Schemas } from "../../api/client";

// Dialogs name their members by id; `members` (display names) is an optional addition to the
// contract. Until a dialog carries it, people are shown by a short form of their id.

export interface Member {
  userId: string;
  displayName: string;
  avatarUrl?: string;
}

export type DialogLike = Schemas["Dialog"] & { members?: Member[] };

/** "usr_01JD…XYZ1" → "…XYZ1": enough to tell people apart in one dialog. */
export function shortId(id: string): string {
  return id.length > 10 ? `…${id.slice(-6)}` : id;
}

export function memberName(dialog: DialogLike | undefined, userId: string): string {
  return dialog?.members?.find((m) => m.userId === userId)?.displayName ?? shortId(userId);
}

/** A dialog's title for `me`: its name, else the other people in it. */
export function dialogTitle(dialog: DialogLike, me: string | undefined): string {
  if (dialog.name) return dialog.name;
  const others = dialog.participantIds.filter((id) => id !== me);
  return (others.length ? others : dialog.participantIds).map((id) => memberName(dialog, id)).join(", ");
}
