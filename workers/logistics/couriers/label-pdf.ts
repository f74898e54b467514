import { ProviderError } from "../../platform/provider-http";

/**
 * A shipping label as a small, valid PDF (one A6 page, Helvetica text): what the sandbox courier
 * hands out, built here so local development needs no outside service. Offsets in the xref table
 * are byte offsets, so the text is kept to ASCII (anything else becomes "?").
 */
export function labelPdf(lines: readonly string[]): Uint8Array {
  const safe = lines.map((l) => l.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1"));
  const text = safe.map((l, i) => `BT /F1 ${i === 0 ? 16 : 10} Tf 20 ${380 - i * 22} Td (${l}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** Whether bytes are a PDF (they start with "%PDF"): what a courier's label download must be. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
}

/**
 * A courier's label page as bytes (binary, so not through callProvider's text): a failure to get
 * any answer is a retryable ProviderError, an answer other than 2xx one retryable for 5xx. A GET
 * unless `method` and `body` say otherwise (Flash Express hands out its label to a signed POST).
 */
export async function downloadLabel(
  courier: { id: string; label: string },
  fetchFn: typeof fetch,
  url: string,
  init: { headers: Record<string, string>; timeoutMs: number; method?: "GET" | "POST"; body?: string },
): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: init.method ?? "GET",
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (err) {
    throw new ProviderError(courier.id, `${courier.label} label request failed`, { retryable: true, cause: err });
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) {
    throw new ProviderError(courier.id, `${courier.label} label ${res.status}`, {
      status: res.status,
      retryable: res.status >= 500,
    });
  }
  return bytes;
}
