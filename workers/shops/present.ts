import type { shops } from "../../d1/schema/shops";
import type { Country } from "../../schemas/identity";
import type { Shop, ShopContact, ShopContactInput, ShopPickupAddress } from "../../schemas/shops";
import { checkPostalCode } from "../identity";
import type { Currency } from "../platform/money";
import { contactNumber } from "../platform/phone";
import { decryptPii, encryptPii } from "../platform/pii";

export type ShopRow = typeof shops.$inferSelect;
type ShopPickupAddressInput = NonNullable<ShopContactInput["pickupAddress"]>;

/**
 * A contact with its phone checked for the shop's country and written in E.164, and its pickup
 * address's postal code checked for that country (a 422 naming the field and the format otherwise).
 */
export function normalizeContact(contact: ShopContactInput, country: Country): ShopContact {
  return {
    ...(contact.phone ? { phone: contactNumber(contact.phone, country, "contact.phone") } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.address ? { address: contact.address } : {}),
    ...(contact.pickupAddress ? { pickupAddress: normalizePickupAddress(contact.pickupAddress, country) } : {}),
  };
}

function normalizePickupAddress(input: ShopPickupAddressInput, country: Country): ShopPickupAddress {
  return {
    street: input.street,
    ...(input.street2 ? { street2: input.street2 } : {}),
    city: input.city,
    province: input.province,
    postalCode: checkPostalCode(country, input.postalCode, "contact.pickupAddress.postalCode"),
  };
}

/** Business contacts are PII (often a person's own phone): stored encrypted like every other. */
export function encryptContact(env: Env, contact: ShopContact): Promise<string> {
  return encryptPii(env, JSON.stringify(contact));
}

/**
 * The public Shop of CONTRACT.md. The contact and the verification note are shown only to the
 * owner and admins (`withPrivate`).
 */
export async function presentShop(env: Env, row: ShopRow, withPrivate: boolean): Promise<Shop> {
  const contact =
    withPrivate && row.contactEnc ? (JSON.parse(await decryptPii(env, row.contactEnc)) as ShopContact) : undefined;
  return {
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    description: row.description,
    category: row.category,
    country: row.country as Country,
    currency: row.currency as Currency,
    verificationStatus: row.verificationStatus,
    verifiedAt: row.verifiedAt === null ? null : new Date(row.verifiedAt).toISOString(),
    ...(withPrivate && row.verificationNote ? { verificationNote: row.verificationNote } : {}),
    ...(contact ? { contact } : {}),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** The shop's business contact, decrypted (for a courier's pickup address), or undefined when it has none. */
export async function shopContactOf(env: Env, row: Pick<ShopRow, "contactEnc">): Promise<ShopContact | undefined> {
  return row.contactEnc ? (JSON.parse(await decryptPii(env, row.contactEnc)) as ShopContact) : undefined;
}
