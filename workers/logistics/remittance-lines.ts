import type { z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { codRemittanceItems, codRemittances, shipments } from "../../d1/schema/logistics";
import type { RemittanceDetailSchema, RemittanceSchema } from "../../schemas/cod-remittances";
import { type Database, inList } from "../platform/db";
import { type Currency, money } from "../platform/money";
import { type ItemWithReference, parcelKey, verdict } from "./remittances";

type Remittance = z.infer<typeof RemittanceSchema>;
type RemittanceDetail = z.infer<typeof RemittanceDetailSchema>;

/**
 * GET /admin/cod-remittances/{id}: each line with its parcel's order and verdict, judged as the
 * mismatch report judges it (every remittance naming the parcel, whenever recorded), so the
 * console shows which lines matched and what is wrong with the others.
 */
export async function reconcileLines(db: Database, remittance: Remittance): Promise<RemittanceDetail> {
  const numbers = [...new Set(remittance.items.map((i) => i.trackingNumber))];
  const [found, named] = await Promise.all([
    db
      .select()
      .from(shipments)
      .where(and(eq(shipments.courier, remittance.courier), inList(shipments.trackingNumber, numbers))),
    db
      .select({ item: codRemittanceItems, reference: codRemittances.reference })
      .from(codRemittanceItems)
      .innerJoin(codRemittances, eq(codRemittances.id, codRemittanceItems.remittanceId))
      .where(
        and(eq(codRemittanceItems.courier, remittance.courier), inList(codRemittanceItems.trackingNumber, numbers)),
      ),
  ]);
  const shipmentOf = new Map(found.map((s) => [s.trackingNumber, s]));
  const itemsOf = new Map<string, ItemWithReference[]>();
  for (const { item, reference } of named) {
    const key = parcelKey(item.courier, item.trackingNumber);
    itemsOf.set(key, [...(itemsOf.get(key) ?? []), { ...item, reference }]);
  }
  const items = remittance.items.map((line) => {
    const shipment = shipmentOf.get(line.trackingNumber);
    const remitted = (itemsOf.get(parcelKey(remittance.courier, line.trackingNumber)) ?? []).sort(
      (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
    );
    return {
      ...line,
      result: verdict(shipment, remitted) ?? ("matched" as const),
      ...(shipment ? { orderId: shipment.orderId, shipmentId: shipment.id, shipmentStatus: shipment.status } : {}),
      ...(shipment?.codAmount != null && shipment.codCurrency
        ? { expected: money(shipment.codAmount, shipment.codCurrency as Currency) }
        : {}),
    };
  });
  return { ...remittance, items };
}
