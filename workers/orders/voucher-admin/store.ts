import { z } from "@hono/zod-openapi";
import { and, desc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { vouchers } from "../../../d1/schema/orders";
import type { UpdateVoucher, Voucher, VoucherType } from "../../../schemas/vouchers";
import { type Database, isUniqueViolation, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import type { Currency } from "../../platform/money";
import { decodeCursor, type Page, toPage } from "../../platform/pagination";
import { ownedShop } from "../../shops";
import { type VoucherTerms, voucherColumns } from "./rules";

export type VoucherRow = typeof vouchers.$inferSelect;

interface Caller {
  userId: string;
  roles: readonly string[];
}

function conflict(path: string, detail: string): ApiError {
  return new ApiError("conflict", detail, { errors: [{ path, message: detail }] });
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The API's Voucher: percent in whole percent (stored in basis points), endsAt (stored as expires_at). */
export function presentVoucher(row: VoucherRow): Voucher {
  const currency = row.currency as Currency | null;
  const money = (amount: number | null) => (amount === null || currency === null ? null : { amount, currency });
  const type: VoucherType = row.type === "percentage" ? "percent" : row.type;
  return {
    id: row.id ?? row.code,
    shopId: row.shopId,
    code: row.code,
    type,
    ...(type === "free_shipping" ? {} : { value: type === "percent" ? row.value / 100 : row.value }),
    currency,
    minSpend: money(row.minSpend),
    maxDiscount: money(row.maxDiscount),
    startsAt: iso(row.startsAt),
    endsAt: iso(row.expiresAt),
    totalLimit: row.usageLimit,
    perUserLimit: row.perUserLimit,
    used: row.usedCount,
    active: row.active,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** Writes a new voucher (the shop's, or the platform's when `shopId` is null); a taken code is 409. */
export async function createVoucher(
  db: Database,
  owner: { shopId: string | null; currency: Currency },
  input: VoucherTerms & { code: string },
): Promise<VoucherRow> {
  const row: VoucherRow = {
    ...voucherColumns(input, owner.currency, 0),
    id: newId("vch"),
    code: input.code.trim().toUpperCase(),
    shopId: owner.shopId,
    currency: owner.currency,
    usedCount: 0,
    active: true,
    createdAt: nowMs(),
  } as VoucherRow;
  try {
    await db.insert(vouchers).values(row);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw conflict("code", "A voucher with this code exists already. Choose another code.");
  }
  return row;
}

/** A shop's vouchers (null: the platform's), newest first. */
export async function voucherPage(
  db: Database,
  shopId: string | null,
  query: { limit: number; cursor?: string },
): Promise<Page<Voucher>> {
  const before = decodeCursor(query.cursor, z.string().min(1));
  const rows = await db
    .select()
    .from(vouchers)
    .where(
      and(
        shopId === null ? isNull(vouchers.shopId) : eq(vouchers.shopId, shopId),
        isNotNull(vouchers.id),
        before ? lt(vouchers.id, before) : undefined,
      ),
    )
    .orderBy(desc(vouchers.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => r.id, presentVoucher);
}

/** The voucher with this id, if the caller may manage it: its shop's owner, or an admin for a platform voucher. */
export async function managedVoucher(db: Database, id: string, caller: Caller): Promise<VoucherRow> {
  const row = await db.select().from(vouchers).where(eq(vouchers.id, id)).get();
  if (!row) throw new ApiError("not_found", "There is no voucher with this id.");
  if (row.shopId) await ownedShop(db, row.shopId, caller.userId);
  else if (!caller.roles.includes("admin"))
    throw new ApiError("forbidden", "Only an admin can change a platform voucher.");
  return row;
}

/** The terms stored in a row, as the API speaks of them (the base a change applies to). */
function termsOf(row: VoucherRow): VoucherTerms {
  const voucher = presentVoucher(row);
  return {
    type: voucher.type,
    value: voucher.value,
    minSpend: voucher.minSpend,
    maxDiscount: voucher.maxDiscount,
    startsAt: row.startsAt ?? row.createdAt,
    endsAt: row.expiresAt ?? Number.MAX_SAFE_INTEGER,
    totalLimit: row.usageLimit,
    perUserLimit: row.perUserLimit,
  };
}

/**
 * Applies a change (PATCH). The limit is written only while the uses already made fit under it, so a
 * checkout counting a use meanwhile cannot leave `used` above `totalLimit`.
 */
export async function updateVoucher(db: Database, row: VoucherRow, patch: UpdateVoucher): Promise<VoucherRow> {
  const { active, ...terms } = patch;
  const merged: VoucherTerms = { ...termsOf(row), ...stripUndefined(terms) };
  const currency = (row.currency ?? patch.minSpend?.currency ?? patch.maxDiscount?.currency ?? "THB") as Currency;
  const columns = voucherColumns(merged, currency, row.usedCount, patch.endsAt !== undefined);
  const limit = columns.usageLimit ?? null;
  const [updated] = await db
    .update(vouchers)
    .set({ ...columns, ...(active === undefined ? {} : { active }) })
    .where(and(eq(vouchers.code, row.code), limit === null ? undefined : sql`${vouchers.usedCount} <= ${limit}`))
    .returning();
  if (!updated) {
    throw conflict(
      "totalLimit",
      "This voucher was used meanwhile beyond that totalLimit. Read it again and choose a higher limit.",
    );
  }
  return updated;
}

/** DELETE: the voucher stops being usable; the row stays, for the orders that used it. */
export async function deactivateVoucher(db: Database, row: VoucherRow): Promise<VoucherRow> {
  const [updated] = await db.update(vouchers).set({ active: false }).where(eq(vouchers.code, row.code)).returning();
  return updated ?? row;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
