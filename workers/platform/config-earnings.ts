import { z } from "zod";

/**
 * The earnings part of config.ts (kept apart so that file stays readable): the platform's
 * commission on a shop's sales, a default rate and overrides per category, and the longest period
 * a statement or a sales report covers. docs/earnings.md explains each.
 */

export interface EarningsConfig {
  /** The commission on an item's price, in basis points (500 = 5%), where no category override applies. */
  commissionBps: number;
  /** Per category (its id or slug; a child category inherits its parent's): basis points. */
  categoryCommissionBps: Record<string, number>;
  /** The longest period one statement or sales report covers, in days. */
  reportMaxDays: number;
}

const ENTRY = /^([A-Za-z0-9_-]{1,64}):(\d{1,5})$/;

/** "electronics:300,fashion:800" → { electronics: 300, fashion: 800 }; undefined when malformed. */
export function parseCategoryRates(text: string): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const part of text.split(",").map((p) => p.trim())) {
    if (part === "") continue;
    const match = ENTRY.exec(part);
    if (!match || Number(match[2]) > 10_000) return undefined;
    out[match[1]] = Number(match[2]);
  }
  return out;
}

export const EARNINGS_VARS = {
  COMMISSION_BPS: z.coerce.number().int().min(0).max(10_000).default(500).describe("an integer from 0 to 10000"),
  COMMISSION_CATEGORY_BPS: z
    .string()
    .default("")
    .refine((v) => parseCategoryRates(v) !== undefined)
    .transform((v) => parseCategoryRates(v) as Record<string, number>)
    .describe('a list like "electronics:300,fashion:800" (category slug or id : basis points up to 10000)'),
  EARNINGS_REPORT_MAX_DAYS: z.coerce.number().int().min(1).max(1096).default(366).describe("an integer from 1 to 1096"),
};

type Parsed = { [K in keyof typeof EARNINGS_VARS]: z.output<(typeof EARNINGS_VARS)[K]> };

export function earningsConfig(raw: Parsed): EarningsConfig {
  return {
    commissionBps: raw.COMMISSION_BPS,
    categoryCommissionBps: raw.COMMISSION_CATEGORY_BPS,
    reportMaxDays: raw.EARNINGS_REPORT_MAX_DAYS,
  };
}
