import { eq } from "drizzle-orm";
import { vouchers } from "../../d1/schema/orders";
import type { Database } from "../platform/db";

/**
 * When a voucher expires: epoch ms, null when it never does, undefined when there is no voucher
 * with this code.
 */
export async function voucherExpiry(db: Database, code: string): Promise<number | null | undefined> {
  const voucher = await db
    .select({ expiresAt: vouchers.expiresAt })
    .from(vouchers)
    .where(eq(vouchers.code, code))
    .get();
  return voucher ? voucher.expiresAt : undefined;
}
