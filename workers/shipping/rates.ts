import type { Country } from "../../schemas/identity";
import { add, type Currency, type Money, minorUnits, multiply } from "../platform/money";

/**
 * Courier rate tables, per destination country, weight based (docs/cart.md lists every number).
 * A parcel costs `firstKg` for its first 1,000 g, then `perStep` for each started `stepGrams`
 * beyond it. Prices are Money in the destination country's currency, written in major units as the
 * couriers publish them and converted by money.ts (minorUnits: exact, and on the currency's step, so
 * IDR whole rupiah and VND whole dong). Domestic only: the shop must ship from the destination
 * country. The weight is the parcel's chargeable weight (see chargeableGrams).
 */
export interface RateCard {
  /** Stable id, used as `shippingOptionId` at checkout, e.g. "id-jne-reg". */
  id: string;
  country: Country;
  currency: Currency;
  courier: string;
  service: string;
  firstKg: Money;
  stepGrams: 500 | 1000;
  perStep: Money;
  /** Heaviest parcel the service takes. */
  maxGrams: number;
  etd: { minDays: number; maxDays: number };
  /**
   * The courier and service the platform books for this option (GET /couriers ids and codes): every
   * option a buyer can choose is one a seller can book, and the booking view starts from it.
   */
  book: { courier: string; service: string };
}

const KG = 1000;
const MAX_GRAMS = 50_000;

const card = (
  country: Country,
  currency: Currency,
  courier: string,
  code: string,
  service: string,
  firstKg: number,
  stepGrams: 500 | 1000,
  perStep: number,
  etd: [number, number],
  book: RateCard["book"] = { courier: code, service: service.toLowerCase() },
): RateCard => ({
  id: `${country.toLowerCase()}-${code}-${service.toLowerCase()}`,
  country,
  currency,
  courier,
  service,
  firstKg: minorUnits(currency, firstKg),
  stepGrams,
  perStep: minorUnits(currency, perStep),
  maxGrams: MAX_GRAMS,
  etd: { minDays: etd[0], maxDays: etd[1] },
  book,
});

/** A Biteship service (Indonesia's couriers are booked through Biteship: JNE REG → jne_reg). */
const biteship = (code: string, service: string) => ({
  courier: "biteship",
  service: `${code}_${service.toLowerCase()}`,
});

/** Prices in major units, as the couriers publish them (rupiah, baht, dollars, ringgit, pesos, dong). */
export const RATE_CARDS: readonly RateCard[] = [
  // Indonesia (IDR), per kg.
  card("ID", "IDR", "JNE", "jne", "REG", 11_000, KG, 11_000, [2, 3], biteship("jne", "REG")),
  card("ID", "IDR", "JNE", "jne", "YES", 19_000, KG, 19_000, [1, 1], biteship("jne", "YES")),
  card("ID", "IDR", "J&T Express", "jnt", "EZ", 10_000, KG, 10_000, [2, 3], biteship("jnt", "EZ")),
  card("ID", "IDR", "SiCepat", "sicepat", "REG", 9_000, KG, 9_000, [2, 3], biteship("sicepat", "REG")),
  card("ID", "IDR", "SiCepat", "sicepat", "BEST", 16_000, KG, 16_000, [1, 1], biteship("sicepat", "BEST")),
  // Thailand (THB), per 500 g after the first kg.
  card("TH", "THB", "Ninja Van", "ninjavan", "Standard", 45, 500, 10, [1, 3]),
  card("TH", "THB", "Ninja Van", "ninjavan", "Express", 65, 500, 15, [1, 2]),
  card("TH", "THB", "Flash Express", "flash", "Standard", 35, 500, 10, [2, 4]),
  // Singapore, Malaysia, the Philippines: Ninja Van, per kg.
  card("SG", "SGD", "Ninja Van", "ninjavan", "Standard", 5, KG, 1.5, [2, 3]),
  card("SG", "SGD", "Ninja Van", "ninjavan", "Express", 8, KG, 2, [1, 1]),
  card("MY", "MYR", "Ninja Van", "ninjavan", "Standard", 6, KG, 2, [2, 4]),
  card("MY", "MYR", "Ninja Van", "ninjavan", "Express", 9, KG, 3, [1, 2]),
  card("PH", "PHP", "Ninja Van", "ninjavan", "Standard", 85, KG, 40, [3, 5]),
  card("PH", "PHP", "Ninja Van", "ninjavan", "Express", 120, KG, 60, [1, 3]),
  // Vietnam (VND, no minor unit), per 500 g after the first kg.
  card("VN", "VND", "GHN", "ghn", "Standard", 22_000, 500, 5_000, [2, 4]),
  card("VN", "VND", "Ninja Van", "ninjavan", "Express", 30_000, 500, 8_000, [1, 2]),
  card("VN", "VND", "Ninja Van", "ninjavan", "Standard", 20_000, 500, 5_000, [2, 5]),
];

const BY_ID = new Map(RATE_CARDS.map((c) => [c.id, c]));

/** The rate card of a shipping option id (e.g. "th-ninjavan-express"), for checkout. */
export function shippingOptionById(id: string): RateCard | undefined {
  return BY_ID.get(id);
}

/** One product in a parcel: its recorded weight and size (either may be missing) and how many. */
export interface ParcelItem {
  weightGrams: number | null;
  dimensions?: { lengthMm: number; widthMm: number; heightMm: number } | null;
  quantity: number;
}

/**
 * The weight one unit is charged for: its actual weight (`defaultWeightGrams` when none is
 * recorded) or its volumetric weight, L×W×H (cm) / 6000 kg = L×W×H (mm) / 6000 g, rounded up to
 * the gram, whichever is larger.
 */
export function chargeableGrams(item: ParcelItem, defaultWeightGrams = 500): number {
  const actual = item.weightGrams ?? defaultWeightGrams;
  const d = item.dimensions;
  const volumetric = d ? Math.ceil((d.lengthMm * d.widthMm * d.heightMm) / 6000) : 0;
  return Math.max(actual, volumetric);
}

/** The parcel's chargeable weight: every unit's chargeable weight, added up. */
export function parcelGrams(items: readonly ParcelItem[], defaultWeightGrams = 500): number {
  return items.reduce((g, item) => g + chargeableGrams(item, defaultWeightGrams) * item.quantity, 0);
}

/** What a card charges for a parcel of `grams`: the first kg, then each started step (whole steps of the currency already). */
export function shippingCost(rate: RateCard, grams: number): Money {
  const steps = grams <= KG ? 0 : Math.ceil((grams - KG) / rate.stepGrams);
  return add(rate.firstKg, multiply(rate.perStep, steps));
}

export interface ShippingOption {
  id: string;
  courier: string;
  service: string;
  cost: Money;
  etd: { minDays: number; maxDays: number };
}

export interface ShippingQuoteInput {
  items: readonly ParcelItem[];
  destination: { country: string; postalCode?: string };
  /** Where the shop ships from. */
  shopCountry: string;
  /** The order's currency: options priced in another one are left out (no conversion here). */
  currency: Currency;
  defaultWeightGrams?: number;
}

/**
 * The options for one shop's parcel to a destination, cheapest first. Empty when the shop is in
 * another country (domestic only), the currency is not the destination's, there is nothing to
 * ship, or the parcel is heavier than every service takes. Pure: no I/O; the postal code is
 * checked by the caller (checkPostalCode).
 */
export function quoteShipping(input: ShippingQuoteInput): ShippingOption[] {
  const { items, destination, shopCountry, currency } = input;
  if (items.length === 0 || shopCountry !== destination.country) return [];
  const grams = parcelGrams(items, input.defaultWeightGrams);
  return RATE_CARDS.filter((r) => r.country === destination.country && r.currency === currency && grams <= r.maxGrams)
    .map((r) => ({
      id: r.id,
      courier: r.courier,
      service: r.service,
      cost: shippingCost(r, grams),
      etd: { ...r.etd },
    }))
    .sort((a, b) => a.cost.amount - b.cost.amount || a.id.localeCompare(b.id));
}
