import { and, eq, inArray } from "drizzle-orm";
import { dialogMembers, dialogs } from "../../d1/schema/chat";
import type { Database } from "../platform/db";

/** What telling members about a dialog's new messages needs: the dialog and each member's read position. */
export interface DialogUnreadFacts {
  type: string;
  name: string | null;
  lastSeq: number;
  members: Map<string, { lastReadSeq: number; muted: boolean }>;
}

const CHUNK = 90;

/** The dialog and the read positions of those of `userIds` who are its members; null when there is no dialog. */
export async function dialogUnreadFacts(
  db: Database,
  dialogId: string,
  userIds: readonly string[],
): Promise<DialogUnreadFacts | null> {
  const dialog = await db
    .select({ type: dialogs.type, name: dialogs.name, lastSeq: dialogs.lastSeq })
    .from(dialogs)
    .where(eq(dialogs.id, dialogId))
    .get();
  if (!dialog) return null;
  const members = new Map<string, { lastReadSeq: number; muted: boolean }>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .select({ userId: dialogMembers.userId, lastReadSeq: dialogMembers.lastReadSeq, muted: dialogMembers.muted })
      .from(dialogMembers)
      .where(and(eq(dialogMembers.dialogId, dialogId), inArray(dialogMembers.userId, unique.slice(i, i + CHUNK))));
    for (const r of rows) members.set(r.userId, { lastReadSeq: r.lastReadSeq, muted: r.muted });
  }
  return { ...dialog, members };
}
