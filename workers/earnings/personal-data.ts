import { and, count, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { payouts } from "../../d1/schema/earnings";
import type { Database } from "../platform/db";
import { encryptedColumns } from "../platform/pii-rotation";

/** The payouts table's PII columns (a bank account's number and holder), for the key rotation. */
export const PAYOUT_ENCRYPTED_COLUMNS = encryptedColumns(payouts, payouts.id, [
  payouts.accountNumberEnc,
  payouts.accountNameEnc,
]);

const hasBankDetails = or(isNotNull(payouts.accountNumberEnc), isNotNull(payouts.accountNameEnc));

/**
 * The write that erases a deleted account's bank details from its shops' payouts (for the caller's
 * batch): the account number and holder's name of every payout that is settled (paid or failed).
 * The bank and the last digits stay, for the shop's statement. A payout still on its way keeps
 * them until it settles (the provider may need them); running this again erases those settled
 * since, and changes nothing twice.
 */
export function payoutErasureWrites(db: Database, ownerId: string): BatchItem<"sqlite">[] {
  return [
    db
      .update(payouts)
      .set({ accountNumberEnc: null, accountNameEnc: null })
      .where(and(eq(payouts.ownerId, ownerId), inArray(payouts.status, ["paid", "failed"]), hasBankDetails)),
  ];
}

/** Payouts of the account that still keep bank details: on their way (see payoutErasureWrites). */
export async function payoutDetailsStillInUse(db: Database, ownerId: string): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(payouts)
    .where(and(eq(payouts.ownerId, ownerId), hasBankDetails))
    .get();
  return row?.n ?? 0;
}
