import type { z } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { addresses } from "../../d1/schema/identity";
import type { AddressInputSchema, AddressSchema, Country } from "../../schemas/identity";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { contactNumber, supportedCountry } from "../platform/phone";
import { decryptPii, encryptPii } from "../platform/pii";

export type Address = z.infer<typeof AddressSchema>;
export type AddressInput = z.infer<typeof AddressInputSchema>;
type AddressRow = typeof addresses.$inferSelect;
type AddressDetails = Omit<Address, "id" | "country" | "isPrimary">;

/** Postal codes per country: the pattern and what to tell a person who got it wrong. */
const POSTAL_CODES: Record<Country, { pattern: RegExp; hint: string }> = {
  TH: { pattern: /^[1-9]\d{4}$/, hint: "5 digits, e.g. 10110 (Bangkok)" },
  SG: { pattern: /^\d{6}$/, hint: "6 digits, e.g. 018956" },
  ID: { pattern: /^[1-9]\d{4}$/, hint: "5 digits, e.g. 10110 (Jakarta Pusat)" },
  MY: { pattern: /^\d{5}$/, hint: "5 digits, e.g. 50450 (Kuala Lumpur)" },
  PH: { pattern: /^\d{4}$/, hint: "4 digits, e.g. 1000 (Manila)" },
  // Vietnam moved to 5-digit codes in 2018; the older 6-digit codes are still widely written.
  VN: { pattern: /^\d{5}(\d)?$/, hint: "5 digits, e.g. 70000 (Ho Chi Minh City)" },
};

export function checkPostalCode(country: Country, postalCode: string, path = "postalCode"): string {
  const code = postalCode.replace(/\s+/g, "");
  const rule = POSTAL_CODES[country];
  if (!rule.pattern.test(code)) {
    throw new ApiError("validation_failed", `That postal code does not exist in ${country}: use ${rule.hint}.`, {
      errors: [{ path, message: `Expected ${rule.hint}` }],
    });
  }
  return code;
}

/** Validates an address for its country and normalizes phone (E.164) and postal code. */
export function normalizeAddress(input: AddressInput): AddressInput & { country: Country } {
  const country = supportedCountry(input.country);
  return {
    ...input,
    country,
    postalCode: checkPostalCode(country, input.postalCode),
    phone: contactNumber(input.phone, country, "phone"),
  };
}

export async function encryptAddress(env: Env, address: AddressInput): Promise<string> {
  const details: AddressDetails = {
    ...(address.label ? { label: address.label } : {}),
    recipientName: address.recipientName,
    phone: address.phone,
    street: address.street,
    city: address.city,
    province: address.province,
    postalCode: address.postalCode,
  };
  return encryptPii(env, JSON.stringify(details));
}

export async function presentAddress(env: Env, row: AddressRow): Promise<Address> {
  const details = JSON.parse(await decryptPii(env, row.detailsEnc)) as AddressDetails;
  return { id: row.id, ...details, country: row.country, isPrimary: row.isPrimary };
}

/**
 * Keeps one primary address whenever the user has any: if none is left, the newest one is promoted,
 * preferring any other than `demotedId` (the address just un-marked as primary).
 */
export function keepOnePrimary(db: Database, userId: string, demotedId = "") {
  return db
    .update(addresses)
    .set({ isPrimary: true })
    .where(
      and(
        eq(
          addresses.id,
          sql`(SELECT id FROM addresses WHERE user_id = ${userId} ORDER BY (id = ${demotedId}) ASC, created_at DESC, id DESC LIMIT 1)`,
        ),
        sql`NOT EXISTS (SELECT 1 FROM addresses WHERE user_id = ${userId} AND is_primary = 1)`,
      ),
    );
}
