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

/** Postal codes per country: the pattern, and the code the 422 shows as an example of it. */
const POSTAL_CODES: Record<Country, { pattern: RegExp; example: string }> = {
  TH: { pattern: /^[1-9]\d{4}$/, example: "10110" },
  SG: { pattern: /^\d{6}$/, example: "018956" },
  ID: { pattern: /^[1-9]\d{4}$/, example: "10110" },
  MY: { pattern: /^\d{5}$/, example: "50450" },
  PH: { pattern: /^\d{4}$/, example: "1000" },
  // Vietnam moved to 5-digit codes in 2018; the older 6-digit codes are still widely written.
  VN: { pattern: /^\d{5}(\d)?$/, example: "70000" },
};

/**
 * What to tell a person whose postal code is not one of `country`'s. The country and the example's
 * city are words, so each country has a whole sentence of its own to translate; the example code is
 * its one value (a "TH" or an English hint put into one shared sentence stayed English in Thai).
 */
function wrongPostalCode(country: Country, example: string): string {
  switch (country) {
    case "TH":
      return `That postal code does not exist in Thailand: use 5 digits, e.g. ${example} (Bangkok).`;
    case "SG":
      return `That postal code does not exist in Singapore: use 6 digits, e.g. ${example}.`;
    case "ID":
      return `That postal code does not exist in Indonesia: use 5 digits, e.g. ${example} (Central Jakarta).`;
    case "MY":
      return `That postal code does not exist in Malaysia: use 5 digits, e.g. ${example} (Kuala Lumpur).`;
    case "PH":
      return `That postal code does not exist in the Philippines: use 4 digits, e.g. ${example} (Manila).`;
    case "VN":
      return `That postal code does not exist in Vietnam: use 5 digits, e.g. ${example} (Ho Chi Minh City).`;
  }
}

/**
 * `postalCode` without spaces when it is one of `country`'s; else a 422 whose detail, and the field
 * message at `path` (shown under the field), are the one translated sentence.
 */
export function checkPostalCode(country: Country, postalCode: string, path = "postalCode"): string {
  const code = postalCode.replace(/\s+/g, "");
  const rule = POSTAL_CODES[country];
  if (!rule.pattern.test(code)) {
    const sentence = wrongPostalCode(country, rule.example);
    throw new ApiError("validation_failed", sentence, { errors: [{ path, message: sentence }] });
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
