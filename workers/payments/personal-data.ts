import { asc, eq } from "drizzle-orm";
import { payments } from "../../d1/schema/payments";
import type { Database } from "../platform/db";
import { presentPayment } from "./present";

/** The customer's payments, oldest first, as the API presents them: for the privacy export. */
export async function customerPaymentsOf(db: Database, customerId: string) {
  const rows = await db.select().from(payments).where(eq(payments.customerId, customerId)).orderBy(asc(payments.id));
  return rows.map(presentPayment);
}
