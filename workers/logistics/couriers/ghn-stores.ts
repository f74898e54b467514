import { placeKey } from "./ghn-areas";
import { type GhnArea, isRecord, str } from "./ghn-wire";

/**
 * GHN's stores (api.ghn.vn "Store": POST /v2/shop/all lists the token's stores, POST
 * /v2/shop/register creates one from district_id, ward_code, name, phone and address and answers
 * its shop_id). A parcel is booked under a store (header ShopId), whose registered district is
 * where GHN picks it up, so each seller gets its own, registered from its pickup address.
 */

/** One call with the token alone (no ShopId): `data` of a `code: 200` answer, or a ProviderError. */
export type GhnAccountCall = (path: string, json: unknown) => Promise<unknown>;

/** The shop as GHN registers it. */
export interface StoreOwner {
  name: string;
  phone: string;
  address: string;
}

/** Stores listed per page, and pages read at most (the token's stores are the platform's sellers in Vietnam). */
const PAGE = 200;
const MAX_PAGES = 50;

/** A Vietnamese phone number as GHN keeps it: digits, national (0…), whatever the +84 our numbers carry. */
export function vnPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("84") && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/**
 * The shop's store among the token's (same phone, same address, same district), or undefined. This
 * is what makes registering safe to repeat: a crash after GHN registered the store but before our
 * row was written finds it here instead of registering a second one.
 */
export async function findStore(call: GhnAccountCall, owner: StoreOwner, area: GhnArea): Promise<string | undefined> {
  const phone = vnPhone(owner.phone);
  const address = placeKey(owner.address);
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await call("/v2/shop/all", { offset, limit: PAGE, client_phone: "" });
    const shops = isRecord(data) && Array.isArray(data.shops) ? data.shops.filter(isRecord) : [];
    const found = shops.find(
      (s) =>
        vnPhone(str(s.phone) ?? "") === phone &&
        placeKey(str(s.address) ?? "") === address &&
        Number(s.district_id) === area.districtId,
    );
    if (found && (typeof found._id === "number" || str(found._id))) return String(found._id);
    const next = isRecord(data) ? Number(data.last_offset) : Number.NaN;
    if (shops.length < PAGE || !Number.isFinite(next) || next <= offset) return undefined;
    offset = next;
  }
  return undefined;
}

/** POST /v2/shop/register: the new store's shop_id, or undefined when GHN answered without one. */
export async function registerStore(
  call: GhnAccountCall,
  owner: StoreOwner,
  area: GhnArea,
): Promise<string | undefined> {
  const data = await call("/v2/shop/register", {
    district_id: area.districtId,
    ward_code: area.wardCode,
    name: owner.name,
    phone: vnPhone(owner.phone),
    address: owner.address,
  });
  const id = isRecord(data) ? data.shop_id : undefined;
  return typeof id === "number" || (typeof id === "string" && id.trim()) ? String(id) : undefined;
}
