import { ApiError } from "./errors";

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; formula starts neutralised. */
function field(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula: prefix text that is not a number.
  if (/^[=+\-@]/.test(text) && Number.isNaN(Number(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text, header first, CRLF line ends. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}

/** Whether the caller asked for CSV (Accept: text/csv). */
export function wantsCsv(accept: string | undefined): boolean {
  return (accept ?? "").toLowerCase().includes("text/csv");
}

/**
 * A small RFC 4180 reader for uploaded CSV (a seller's bulk prices and stock, a courier's COD
 * statement): commas, quoted fields with "" for a quote, CRLF or LF line ends, a UTF-8 BOM
 * (spreadsheets write one) ignored. Each record keeps the line it started on, so a report can name
 * the line a person sees in their editor.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A header line's column names as one spelling: trimmed, lower case, spaces and dashes as "_" ("Tracking Number" → tracking_number). */
export function csvColumnNames(header: CsvRecord | undefined): string[] {
  return (header?.fields ?? []).map((f) =>
    f
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
}

export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0].trim() === "")) records.push({ line: start, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

/** An uploaded CSV as a route hands it over (read through Hono, which keeps it for the idempotency hash). */
export interface CsvUpload {
  headers: Headers;
  bytes: () => Promise<ArrayBuffer>;
}

/**
 * The text of an uploaded CSV: sent as text/csv (or text/plain where `plainToo`), at most
 * `maxBytes`, valid UTF-8; anything else is a 415, 413 or 400 that says what to send instead.
 */
export async function readCsvUpload(request: CsvUpload, maxBytes: number, plainToo = false): Promise<string> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "text/csv" && !(plainToo && type === "text/plain")) {
    throw new ApiError("unsupported_media_type", "Send the CSV as the request body with Content-Type: text/csv.");
  }
  const tooLarge = () =>
    new ApiError("payload_too_large", `A bulk CSV may be at most ${maxBytes} bytes. Split it into smaller files.`);
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  const bytes = new Uint8Array(await request.bytes());
  if (bytes.byteLength > maxBytes) throw tooLarge();
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError("bad_request", "The CSV is not valid UTF-8 text. Save it as CSV UTF-8 and upload it again.");
  }
}

/** Whether a request's body is CSV (Content-Type: text/csv). */
export function isCsvBody(contentType: string | undefined): boolean {
  return (contentType ?? "").split(";")[0].trim().toLowerCase() === "text/csv";
}
