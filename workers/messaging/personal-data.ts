import { and, eq, gte, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { outboundMessages } from "../../d1/schema/messaging";
import type { Database } from "../platform/db";
import { decryptPii, piiLookupHash } from "../platform/pii";
import { encryptedColumns } from "../platform/pii-rotation";

/**
 * What messaging holds about a person: the messages sent to their phone and email (found by the
 * keyed hash of each address), with their content. For the privacy export and erasure.
 */

/**
 * The messages sent to `addresses` since `since` (epoch ms), content decrypted. Only since the
 * account exists: a phone or email can belong to a deleted account before it (recycled numbers),
 * and what was sent to that account is not this person's data.
 */
export async function messagesSentTo(env: Env, db: Database, addresses: readonly string[], since: number) {
  const hashes = await Promise.all(addresses.map((address) => piiLookupHash(env, address)));
  const rows = await Promise.all(
    hashes.map((h) =>
      db
        .select()
        .from(outboundMessages)
        .where(and(eq(outboundMessages.recipientHash, h), gte(outboundMessages.createdAt, since))),
    ),
  );
  return Promise.all(
    rows.flat().map(async (m) => ({
      id: m.id,
      channel: m.channel,
      category: m.category,
      status: m.status,
      createdAt: new Date(m.createdAt).toISOString(),
      ...(JSON.parse(await decryptPii(env, m.contentEnc)) as Record<string, unknown>),
    })),
  );
}

/**
 * The writes that erase every message sent to the addresses behind `recipientHashes` (keyed
 * hashes, as accounts store them). A message written later in the same batch (a goodbye) stays.
 */
export function messageErasureWrites(db: Database, recipientHashes: readonly string[]): BatchItem<"sqlite">[] {
  if (recipientHashes.length === 0) return [];
  return [db.delete(outboundMessages).where(inArray(outboundMessages.recipientHash, [...recipientHashes]))];
}

/** The messages' encrypted content, for the key rotation. */
export const MESSAGE_ENCRYPTED_COLUMNS = encryptedColumns(outboundMessages, outboundMessages.id, [
  outboundMessages.contentEnc,
]);
