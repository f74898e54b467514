import { z } from "@hono/zod-openapi";
import { and, desc, eq, gte, isNotNull, lt, or } from "drizzle-orm";
import { codRemittanceItems, codRemittances, shipments } from "../../d1/schema/logistics";
import type { CreateRemittanceSchema, MismatchSchema, RemittanceSchema } from "../../schemas/cod-remittances";
import type { Config } from "../platform/config";
import { type Database, inList, isUniqueViolation, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { type Currency, money } from "../platform/money";
import { decodeCursor, encodeCursor } from "../platform/pagination";
import { courierInfo } from "./couriers";
import type { ShipmentRow } from "./queries";

type CreateRemittance = z.infer<typeof CreateRemittanceSchema>;
type Remittance = z.infer<typeof RemittanceSchema>;
type Mismatch = z.infer<typeof MismatchSchema>;
type RemittanceRow = typeof codRemittances.$inferSelect;
type ItemRow = typeof codRemittanceItems.$inferSelect;

/** Rows of items per INSERT: 7 columns each stays under D1's 100 bound parameters per statement. */
const ROWS_PER_INSERT = 14;

function present(row: RemittanceRow) {
  return {
    id: row.id,
    courier: row.courier,
    reference: row.reference,
    total: money(row.total, row.currency as Currency),
    itemCount: row.itemCount,
    remittedAt: new Date(row.remittedAt).toISOString(),
    recordedBy: row.recordedBy,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export async function remittanceById(db: Database, id: string): Promise<Remittance | undefined> {
  const row = await db.select().from(codRemittances).where(eq(codRemittances.id, id)).get();
  return row ? withItems(db, row) : undefined;
}

function remittanceByReference(db: Database, courier: string, reference: string) {
  return db
    .select()
    .from(codRemittances)
    .where(and(eq(codRemittances.courier, courier), eq(codRemittances.reference, reference)))
    .get();
}

async function withItems(db: Database, row: RemittanceRow): Promise<Remittance> {
  const items = await db
    .select()
    .from(codRemittanceItems)
    .where(eq(codRemittanceItems.remittanceId, row.id))
    .orderBy(codRemittanceItems.id);
  return {
    ...present(row),
    items: items.map((i) => ({ trackingNumber: i.trackingNumber, amount: money(i.amount, i.currency as Currency) })),
  };
}

const sameItems = (a: Remittance["items"], b: CreateRemittance["items"]) =>
  a.length === b.length &&
  a.every(
    (x, i) =>
      x.trackingNumber === b[i].trackingNumber &&
      x.amount.amount === b[i].amount.amount &&
      x.amount.currency === b[i].amount.currency,
  );

/**
 * POST /admin/cod-remittances. The courier's reference is the remittance's natural key (unique
 * with the courier), and the remittance with its items is written in one batch (the commit point),
 * so a retry (same key or not) finds it and answers it; the same reference with other items is 409. Items are kept as sent, duplicates included: the report names them.
 */
export async function recordRemittance(
  db: Database,
  config: Config,
  input: CreateRemittance,
  recordedBy: string,
): Promise<Remittance> {
  if (!courierInfo(config, input.courier)) {
    throw new ApiError("validation_failed", `There is no courier ${input.courier} here.`, {
      errors: [{ path: "courier", message: "Unknown courier" }],
    });
  }
  const currency = input.items[0].amount.currency;
  const other = input.items.findIndex((i) => i.amount.currency !== currency);
  if (other >= 0) {
    throw new ApiError("validation_failed", "Every item of one remittance must be in the same currency.", {
      errors: [{ path: `items.${other}.amount.currency`, message: `Expected ${currency}` }],
    });
  }
  const now = nowMs();
  const remittedAt = input.remittedAt ? Date.parse(input.remittedAt) : now;
  const earlier = await remittanceByReference(db, input.courier, input.reference);
  if (earlier) return sameOrConflict(await withItems(db, earlier), input);
  const id = newId("crm", now);

  const total = input.items.reduce((s, i) => s + i.amount.amount, 0);
  const rows = input.items.map((item, index) => ({
    id: `${id}_${String(index).padStart(3, "0")}`,
    remittanceId: id,
    courier: input.courier,
    trackingNumber: item.trackingNumber,
    amount: item.amount.amount,
    currency,
    createdAt: now,
  }));
  const chunks: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) chunks.push(rows.slice(i, i + ROWS_PER_INSERT));
  try {
    await db.batch([
      db.insert(codRemittances).values({
        id,
        courier: input.courier,
        reference: input.reference,
        currency,
        total,
        itemCount: rows.length,
        remittedAt,
        recordedBy,
        createdAt: now,
      }),
      ...chunks.map((chunk) => db.insert(codRemittanceItems).values(chunk)),
    ]);
  } catch (err) {
    // Two requests recorded the same reference at once: the batch is all or nothing, so one won whole.
    if (!isUniqueViolation(err)) throw err;
  }
  const row = await remittanceByReference(db, input.courier, input.reference);
  const recorded = row && (await withItems(db, row));
  if (!recorded) throw new ApiError("conflict", "This remittance changed while it was recorded. Read it again.");
  return sameOrConflict(recorded, input);
}

function sameOrConflict(recorded: Remittance, input: CreateRemittance): Remittance {
  if (sameItems(recorded.items, input.items)) return recorded;
  throw new ApiError(
    "conflict",
    `The remittance ${input.reference} of ${input.courier} is already recorded with other items. Record a correction under a new reference.`,
  );
}

/** GET /admin/cod-remittances: newest first. */
export async function listRemittances(db: Database, query: { courier?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(query.cursor, z.tuple([z.number(), z.string()]));
  const rows = await db
    .select()
    .from(codRemittances)
    .where(
      and(
        query.courier ? eq(codRemittances.courier, query.courier) : undefined,
        after
          ? or(
              lt(codRemittances.createdAt, after[0]),
              and(eq(codRemittances.createdAt, after[0]), lt(codRemittances.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(codRemittances.createdAt), desc(codRemittances.id))
    .limit(query.limit + 1);
  const kept = rows.slice(0, query.limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(present),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}

/** The most parcels or items one report reads; a busier period is asked for in parts. */
export const MAX_REPORT_ROWS = 5000;

export type ItemWithReference = ItemRow & { reference: string };

export const parcelKey = (courier: string, trackingNumber: string) => `${courier}|${trackingNumber}`;

async function itemsSince(db: Database, since: number, courier?: string): Promise<ItemWithReference[]> {
  const rows = await db
    .select({ item: codRemittanceItems, reference: codRemittances.reference })
    .from(codRemittanceItems)
    .innerJoin(codRemittances, eq(codRemittances.id, codRemittanceItems.remittanceId))
    .where(and(gte(codRemittanceItems.createdAt, since), courier ? eq(codRemittanceItems.courier, courier) : undefined))
    .limit(MAX_REPORT_ROWS + 1);
  return rows.map((r) => ({ ...r.item, reference: r.reference }));
}

/** Delivered cash-on-delivery parcels booked since then: each should be remitted once, in full. */
function deliveredCodSince(db: Database, since: number, courier?: string) {
  return db
    .select()
    .from(shipments)
    .where(
      and(
        isNotNull(shipments.codAmount),
        eq(shipments.status, "delivered"),
        gte(shipments.createdAt, since),
        courier ? eq(shipments.courier, courier) : undefined,
      ),
    )
    .limit(MAX_REPORT_ROWS + 1);
}

function tooMany(): never {
  throw new ApiError(
    "validation_failed",
    `The report covers at most ${MAX_REPORT_ROWS} parcels. Ask for a later since, or for one courier.`,
    { errors: [{ path: "since", message: "Too many parcels in the period" }] },
  );
}

/** Groups of tracking numbers by courier, for the lookups of the other side. */
function byCourier(keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    const [courier, trackingNumber] = key.split("|");
    out.set(courier, [...(out.get(courier) ?? []), trackingNumber]);
  }
  return out;
}

/** Every parcel in the period, with its shipment (if any) and the remittance items that name it. */
async function parcelsOf(db: Database, since: number, courier?: string) {
  const [items, delivered] = await Promise.all([itemsSince(db, since, courier), deliveredCodSince(db, since, courier)]);
  if (items.length > MAX_REPORT_ROWS || delivered.length > MAX_REPORT_ROWS) tooMany();
  const parcels = new Map<string, { shipment?: ShipmentRow; items: ItemWithReference[] }>();
  const entry = (key: string) => parcels.get(key) ?? parcels.set(key, { items: [] }).get(key)!;
  for (const s of delivered) entry(parcelKey(s.courier, s.trackingNumber)).shipment = s;
  const seenItems = new Set(items.map((i) => i.id));
  for (const i of items) entry(parcelKey(i.courier, i.trackingNumber)).items.push(i);

  // The other side of each parcel may lie outside the period: a parcel booked earlier, remitted now.
  const noShipment = [...parcels].filter(([, p]) => !p.shipment).map(([k]) => k);
  for (const [c, numbers] of byCourier(noShipment)) {
    const found = await db
      .select()
      .from(shipments)
      .where(and(eq(shipments.courier, c), inList(shipments.trackingNumber, numbers)));
    for (const s of found) entry(parcelKey(s.courier, s.trackingNumber)).shipment = s;
  }
  for (const [c, numbers] of byCourier(parcels.keys())) {
    const found = await db
      .select({ item: codRemittanceItems, reference: codRemittances.reference })
      .from(codRemittanceItems)
      .innerJoin(codRemittances, eq(codRemittances.id, codRemittanceItems.remittanceId))
      .where(and(eq(codRemittanceItems.courier, c), inList(codRemittanceItems.trackingNumber, numbers)));
    for (const { item, reference } of found) {
      if (!seenItems.has(item.id))
        entry(parcelKey(item.courier, item.trackingNumber)).items.push({ ...item, reference });
    }
  }
  return parcels;
}

/** One parcel's verdict: null when it was remitted once and in full. */
export function verdict(shipment: ShipmentRow | undefined, items: ItemWithReference[]): Mismatch["kind"] | null {
  if (!shipment) return "unknown";
  if (items.length === 0) return "not_remitted";
  if (shipment.status === "cancelled") return "cancelled";
  if (shipment.codAmount === null) return "not_cod";
  if (shipment.status !== "delivered") return "not_delivered";
  if (items.length > 1) return "duplicate";
  const [first] = items;
  if (first.currency !== shipment.codCurrency) return "wrong_currency";
  if (first.amount < shipment.codAmount) return "short_paid";
  if (first.amount > shipment.codAmount) return "over_paid";
  return null;
}

/**
 * GET /admin/cod-remittances/mismatches: every delivered COD parcel booked since `since` and every
 * remittance item recorded since then, matched by courier + tracking number. A parcel remitted
 * once in full is counted as matched; anything else is a row naming what is wrong.
 */
export async function mismatchReport(db: Database, query: { since: number; courier?: string }) {
  const parcels = await parcelsOf(db, query.since, query.courier);
  const items: Mismatch[] = [];
  let matched = 0;
  for (const [key, { shipment, items: remitted }] of parcels) {
    remitted.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    const kind = verdict(shipment, remitted);
    if (!kind) {
      matched += 1;
      continue;
    }
    const [courier, trackingNumber] = key.split("|");
    const first = remitted[0];
    items.push({
      kind,
      courier,
      trackingNumber,
      ...(shipment ? { shipmentId: shipment.id, orderId: shipment.orderId, shipmentStatus: shipment.status } : {}),
      ...(shipment?.codAmount != null && shipment.codCurrency
        ? { expected: money(shipment.codAmount, shipment.codCurrency as Currency) }
        : {}),
      ...(first ? { remitted: money(first.amount, first.currency as Currency) } : {}),
      remittances: remitted.map((i) => i.reference),
    });
  }
  items.sort((a, b) => a.kind.localeCompare(b.kind) || a.trackingNumber.localeCompare(b.trackingNumber));
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
  return {
    since: new Date(query.since).toISOString(),
    generatedAt: new Date(nowMs()).toISOString(),
    matched,
    counts,
    items,
  };
}
