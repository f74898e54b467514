import type { GhnArea } from "./ghn-wire";
import { isRecord, str } from "./ghn-wire";

/**
 * GHN prices and books by its own master-data ids (district id, ward code), which our addresses do
 * not carry: they hold the province, and "ward, district" in `city` (as the address form asks,
 * e.g. "Phường 14, Quận 10"). This finds them through GHN's documented master-data calls
 * (GET /master-data/province, POST /master-data/district { province_id }, POST /master-data/ward
 * { district_id }), matching names the way GHN lists them (ProvinceName / DistrictName / WardName
 * and their NameExtension spellings), without diacritics or the "Tỉnh / Quận / Phường..." prefix.
 * Master data changes rarely (administrative reforms), so each list is kept a day per isolate.
 */

/** One master-data call: the list in `data`, or a ProviderError. */
export type MasterData = (path: string, body?: Record<string, number>) => Promise<unknown[]>;

const DAY_MS = 86_400_000;
const CACHE = new Map<string, { until: number; rows: unknown[] }>();

async function cached(scope: string, load: MasterData, path: string, body?: Record<string, number>, now = Date.now()) {
  const key = `${scope}|${path}|${JSON.stringify(body ?? {})}`;
  const hit = CACHE.get(key);
  if (hit && hit.until > now) return hit.rows;
  const rows = await load(path, body);
  // An empty list is not kept: it is more likely a passing fault than a province without districts.
  if (rows.length > 0) CACHE.set(key, { until: now + DAY_MS, rows });
  return rows;
}

const PREFIX = /^(thanh pho|tp|tinh|quan|huyen|thi xa|tx|thi tran|tt|phuong|p|xa)\s+/;

/** A place name as GHN's lists are matched: no diacritics, no administrative prefix, no spaces. */
export function placeKey(name: string): string {
  const plain = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[.,\-_/]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain.replace(PREFIX, "").replace(/\s/g, "");
}

function names(row: Record<string, unknown>, field: string): string[] {
  const extension = Array.isArray(row.NameExtension) ? row.NameExtension : [];
  return [row[field], ...extension].map(str).filter((n): n is string => n !== undefined);
}

/** The row of `rows` named like one of `candidates` (the first candidate that matches wins). */
function pick(rows: unknown[], field: string, candidates: readonly string[]) {
  const keyed = rows.filter(isRecord).map((row) => ({ row, keys: new Set(names(row, field).map(placeKey)) }));
  for (const candidate of candidates) {
    const key = placeKey(candidate);
    if (!key) continue;
    const found = keyed.find((k) => k.keys.has(key));
    if (found) return { row: found.row, candidate };
  }
  return undefined;
}

/**
 * The GHN district and ward of an address, or null when GHN's lists have no such place: the
 * district is the last part of `city` (then of `street`) naming one of the province's districts,
 * the ward any other part naming one of that district's wards.
 */
export async function resolveArea(
  scope: string,
  load: MasterData,
  address: { province: string; city: string; street?: string },
): Promise<GhnArea | null> {
  const provinces = await cached(scope, load, "/master-data/province");
  const province = pick(provinces, "ProvinceName", [address.province]);
  const provinceId = province?.row.ProvinceID;
  if (typeof provinceId !== "number") return null;
  const parts = [...(address.street ?? "").split(","), ...address.city.split(",")].map((p) => p.trim()).filter(Boolean);
  const districts = await cached(scope, load, "/master-data/district", { province_id: provinceId });
  const district = pick(districts, "DistrictName", [...parts].reverse());
  const districtId = district?.row.DistrictID;
  if (typeof districtId !== "number") return null;
  const wards = await cached(scope, load, "/master-data/ward", { district_id: districtId });
  const ward = pick(
    wards,
    "WardName",
    parts.filter((p) => p !== district?.candidate),
  );
  const wardCode = str(ward?.row.WardCode);
  return wardCode ? { districtId, wardCode } : null;
}
