import { type ClientFrame, ClientFrameSchema } from "../../../schemas/chat";

/** A client frame, or the error frame that answers it. */
export type ReadFrame =
  | { ok: true; frame: ClientFrame }
  | { ok: false; code: "bad_request" | "payload_too_large" | "validation_failed"; detail: string; clientId?: string };

/**
 * Reads one client frame: JSON text of at most `maxBytes` bytes, one of the frame types of
 * CONTRACT.md. Anything else is answered with an error frame, never by closing the socket.
 */
export function readFrame(data: string | ArrayBuffer, maxBytes: number): ReadFrame {
  if (typeof data !== "string") return { ok: false, code: "bad_request", detail: "Frames are JSON text, not binary." };
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only long frames need counting.
  if (data.length > maxBytes || (data.length * 3 > maxBytes && new TextEncoder().encode(data).length > maxBytes)) {
    return { ok: false, code: "payload_too_large", detail: `A frame holds at most ${maxBytes} bytes.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, code: "bad_request", detail: 'A frame is one JSON object such as {"type":"ping"}.' };
  }
  const parsed = ClientFrameSchema.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const issue = parsed.error.issues[0];
  const clientId = (json as { clientId?: unknown } | null)?.clientId;
  return {
    ok: false,
    code: "validation_failed",
    detail: `Invalid frame${issue ? ` (${issue.path.join(".") || "type"}: ${issue.message})` : ""}. Types: send, read, delivered, typing, ping.`,
    ...(typeof clientId === "string" ? { clientId } : {}),
  };
}
