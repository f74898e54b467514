import type { BulkRefusal } from "../../schemas/seller-products";
import { type CsvRecord, csvColumnNames } from "../platform/csv";
import { ApiError } from "../platform/errors";
import { CURRENCIES, type Currency, fromMajor } from "../platform/money";

/**
 * The rows of a bulk price and stock CSV, read and checked on their own (before any SKU is looked
 * up): a header naming `sku` and at least one of `price` (major units, e.g. 129.50) and `stock`
 * (units on hand), optionally `variant_sku`. An empty cell leaves that value as it is.
 */

export interface BulkRow {
  line: number;
  sku: string;
  variantSku?: string;
  /** Minor units of the shop's currency. */
  price?: number;
  stock?: number;
}

const MAX_STOCK = 10_000_000;
const MAX_PRICE = 1_000_000_000_000;

type Columns = { sku: number; variantSku: number; price: number; stock: number };

function columnsOf(header: CsvRecord | undefined): Columns {
  const names = csvColumnNames(header);
  const columns = {
    sku: names.indexOf("sku"),
    variantSku: names.indexOf("variant_sku"),
    price: names.indexOf("price"),
    stock: names.indexOf("stock"),
  };
  if (columns.sku < 0 || (columns.price < 0 && columns.stock < 0)) {
    throw new ApiError(
      "validation_failed",
      "The first line of the CSV must name the columns: sku, and price or stock (or both), e.g. sku,price,stock.",
      { errors: [{ path: "body", message: "Header needs sku and price or stock" }] },
    );
  }
  return columns;
}

/** `detail`: the English reason, translated into the seller's language by the route (i18n tables). */
function refusal(record: CsvRecord, sku: string, code: BulkRefusal["code"], detail: string): BulkRefusal {
  return { row: record.line, sku, code, reason: detail };
}

/** A cell's value, or why it is refused (`detail`: an English sentence the route translates). */
type Parsed = number | { detail: string };

function priceOf(text: string, currency: Currency): Parsed {
  const price = fromMajor(text.replace(/,/g, ""), currency);
  const { step, exponent } = CURRENCIES[currency];
  if (!price || price.amount <= 0 || price.amount > MAX_PRICE) {
    const example = exponent === 0 ? "150000" : "129.50";
    return {
      detail: `The price must be a positive amount in ${currency} with at most ${exponent} decimals, such as ${example}.`,
    };
  }
  if (price.amount % step !== 0)
    return { detail: `${currency} prices are whole units: round the price to whole ${currency}.` };
  return price.amount;
}

function stockOf(text: string): Parsed {
  if (!/^\d{1,9}$/.test(text) || Number(text) > MAX_STOCK) {
    return { detail: `Stock must be a whole number from 0 to ${MAX_STOCK}.` };
  }
  return Number(text);
}

const cell = (record: CsvRecord, index: number) => (index < 0 ? "" : (record.fields[index] ?? "").trim());

/** One data row: its values, or why it is refused. */
function readRow(record: CsvRecord, columns: Columns, currency: Currency): BulkRow | BulkRefusal {
  const sku = cell(record, columns.sku);
  if (sku === "") return refusal(record, sku, "malformed_row", "The sku cell is empty: name the product's SKU.");
  const row: BulkRow = { line: record.line, sku };
  const variantSku = cell(record, columns.variantSku);
  if (variantSku !== "") row.variantSku = variantSku;
  const price = cell(record, columns.price);
  if (price !== "") {
    const parsed = priceOf(price, currency);
    if (typeof parsed !== "number") return refusal(record, sku, "bad_price", parsed.detail);
    row.price = parsed;
  }
  const stock = cell(record, columns.stock);
  if (stock !== "") {
    const parsed = stockOf(stock);
    if (typeof parsed !== "number") return refusal(record, sku, "bad_stock", parsed.detail);
    row.stock = parsed;
  }
  if (row.price === undefined && row.stock === undefined) {
    return refusal(record, sku, "nothing_to_change", "Both price and stock are empty: fill in at least one.");
  }
  return row;
}

/** The data rows (header excluded), each read or refused; a SKU listed twice is refused the second time. */
export function readRows(
  records: readonly CsvRecord[],
  currency: Currency,
  maxRows: number,
): { rows: BulkRow[]; refused: BulkRefusal[] } {
  const [header, ...data] = records;
  const columns = columnsOf(header);
  if (data.length === 0) {
    throw new ApiError("validation_failed", "The CSV has a header but no rows. Add one row per SKU to change.", {
      errors: [{ path: "body", message: "No rows" }],
    });
  }
  if (data.length > maxRows) {
    throw new ApiError(
      "validation_failed",
      `The CSV has ${data.length} rows; one upload may change at most ${maxRows}. Split it into smaller files.`,
      { errors: [{ path: "body", message: `At most ${maxRows} rows` }] },
    );
  }
  const rows: BulkRow[] = [];
  const refused: BulkRefusal[] = [];
  const seen = new Set<string>();
  for (const record of data) {
    const read = readRow(record, columns, currency);
    if ("code" in read) {
      refused.push(read);
      continue;
    }
    const key = `${read.sku}\u0000${read.variantSku ?? ""}`.toLowerCase();
    if (seen.has(key)) {
      refused.push(
        refusal(record, read.sku, "duplicate_sku", "This SKU is already listed on an earlier line: list it once."),
      );
      continue;
    }
    seen.add(key);
    rows.push(read);
  }
  return { rows, refused };
}
