import type { z } from "@hono/zod-openapi";
import type { CreateRemittanceSchema } from "../../schemas/cod-remittances";
import { CURRENCY_CODES } from "../../schemas/platform";
import { type CsvRecord, type CsvUpload, csvColumnNames, parseCsv, readCsvUpload } from "../platform/csv";
import { ApiError, type FieldError } from "../platform/errors";
import { type Currency, fromMajor } from "../platform/money";

type CreateRemittance = z.infer<typeof CreateRemittanceSchema>;

/** The most items one remittance holds (as CreateRemittanceSchema allows them in JSON). */
const MAX_ITEMS = 500;

export interface RemittanceCsvInput {
  request: CsvUpload;
  courier?: string;
  reference?: string;
  remittedAt?: string;
  maxBytes: number;
  maxRows: number;
}

type Columns = { trackingNumber: number; amount: number; currency: number };

function columnsOf(header: CsvRecord | undefined): Columns {
  const names = csvColumnNames(header);
  const columns = {
    trackingNumber: names.indexOf("tracking_number"),
    amount: names.indexOf("amount"),
    currency: names.indexOf("currency"),
  };
  if (columns.trackingNumber < 0 || columns.amount < 0 || columns.currency < 0) {
    throw new ApiError(
      "validation_failed",
      "The first line of the CSV must name the columns tracking_number, amount and currency, e.g. tracking_number,amount,currency.",
      { errors: [{ path: "body", message: "Header needs tracking_number, amount and currency" }] },
    );
  }
  return columns;
}

const cell = (record: CsvRecord, index: number) => (record.fields[index] ?? "").trim();

/** One statement line as an item, or the field errors that refuse it (path `line.<n>.<column>`). */
function itemOf(record: CsvRecord, columns: Columns): CreateRemittance["items"][number] | FieldError[] {
  const at = (column: string) => `line.${record.line}.${column}`;
  const errors: FieldError[] = [];
  const trackingNumber = cell(record, columns.trackingNumber);
  if (trackingNumber.length < 1 || trackingNumber.length > 64) {
    errors.push({ path: at("tracking_number"), message: "A tracking number of 1 to 64 characters" });
  }
  const currency = cell(record, columns.currency).toUpperCase();
  if (!(CURRENCY_CODES as readonly string[]).includes(currency)) {
    errors.push({ path: at("currency"), message: `One of ${CURRENCY_CODES.join(", ")}` });
    return errors;
  }
  const amount = fromMajor(cell(record, columns.amount).replace(/,/g, ""), currency as Currency);
  if (!amount || amount.amount <= 0) {
    errors.push({ path: at("amount"), message: `A positive amount in ${currency}, in major units (e.g. 150000)` });
  }
  return errors.length || !amount ? errors : { trackingNumber, amount };
}

/**
 * A courier's COD statement sent as CSV (Content-Type: text/csv) to POST /admin/cod-remittances,
 * read into the same remittance the JSON form records: a header naming tracking_number, amount
 * (major units) and currency (other columns, which statements carry plenty of, are ignored), at
 * most `maxRows` lines. Every line is checked; any refused line refuses the whole statement with a
 * 422 listing each refused line and field, so nothing is half recorded. The courier, its reference
 * and remittedAt come from the query string.
 */
export async function remittanceFromCsv(input: RemittanceCsvInput): Promise<CreateRemittance> {
  const text = await readCsvUpload(input.request, input.maxBytes);
  const missing = [input.courier ? undefined : "courier", input.reference ? undefined : "reference"].filter(
    (m): m is string => m !== undefined,
  );
  if (missing.length) {
    throw new ApiError(
      "validation_failed",
      "A CSV statement names its courier and reference in the query string: ?courier=...&reference=...",
      { errors: missing.map((path) => ({ path, message: "Required with a CSV body" })) },
    );
  }
  const [header, ...records] = parseCsv(text);
  const columns = columnsOf(header);
  const maxRows = Math.min(input.maxRows, MAX_ITEMS);
  if (records.length === 0) {
    throw new ApiError("validation_failed", "The CSV has no lines after its header. Add one line per parcel.", {
      errors: [{ path: "body", message: "No lines" }],
    });
  }
  if (records.length > maxRows) {
    throw new ApiError(
      "validation_failed",
      `A CSV statement holds at most ${maxRows} lines. Split it into statements under their own references.`,
      { errors: [{ path: "body", message: `${records.length} lines` }] },
    );
  }
  const items: CreateRemittance["items"] = [];
  const errors: FieldError[] = [];
  for (const record of records) {
    const read = itemOf(record, columns);
    if (Array.isArray(read)) errors.push(...read);
    else if (items.length && read.amount.currency !== items[0].amount.currency) {
      const expected = items[0].amount.currency;
      errors.push({ path: `line.${record.line}.currency`, message: `Expected ${expected}, as the first line` });
    } else items.push(read);
  }
  if (errors.length) {
    throw new ApiError(
      "validation_failed",
      "Some lines of the CSV are refused, so nothing was recorded. Fix the lines listed in errors and send the file again.",
      { errors },
    );
  }
  return {
    courier: input.courier as string,
    reference: input.reference as string,
    ...(input.remittedAt ? { remittedAt: input.remittedAt } : {}),
    items,
  };
}
