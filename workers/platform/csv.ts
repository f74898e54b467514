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
