import { constantTimeEqual, hmacSha256Hex } from "../../platform/crypto";
import type {
  CreateDisbursementInput,
  DisbursementProvider,
  DisbursementState,
  DisbursementWebhook,
  WebhookRequest,
} from "./types";
import { parseJsonObject, str } from "./types";

/** The sandbox's signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export const SANDBOX_DISBURSEMENT_SIGNATURE = "X-Sandbox-Signature";
const TOLERANCE_SECONDS = 300;

/** The sandbox's reference of a disbursement: derived from our id, as a provider's would be stable. */
export const sandboxRef = (disbursementId: string) => `sbxd_${disbursementId}`;

/**
 * A provider for local development and tests: `create` accepts at once (pending, like a real
 * payout on its way) and moves no money; the outcome comes only from the simulate route, which
 * signs a webhook with SANDBOX_WEBHOOK_SECRET and posts it through the same verification and
 * application path a real provider's webhook takes.
 */
export class SandboxDisbursements implements DisbursementProvider {
  readonly name = "sandbox" as const;

  constructor(private readonly secret: string) {
    if (!secret.trim()) throw new Error("The sandbox disbursement provider needs SANDBOX_WEBHOOK_SECRET");
  }

  async create(input: CreateDisbursementInput): Promise<DisbursementState> {
    return { providerRef: sandboxRef(input.id), outcome: "pending" };
  }

  /** The sandbox keeps no side of its own: until its webhook is simulated, a payout is on its way. */
  async fetchStatus(ref: { disbursementId: string; providerRef: string }): Promise<DisbursementState> {
    return { providerRef: ref.providerRef, outcome: "pending" };
  }

  async verifyWebhook(request: WebhookRequest, now: Date = new Date()): Promise<DisbursementWebhook> {
    const header = request.headers.get(SANDBOX_DISBURSEMENT_SIGNATURE) ?? "";
    const parts = Object.fromEntries(
      header.split(",").map((p) => [p.slice(0, p.indexOf("=")).trim(), p.slice(p.indexOf("=") + 1).trim()]),
    );
    const t = parts.t ?? "";
    if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) {
      return { ok: false, authentic: false, reason: `missing or malformed ${SANDBOX_DISBURSEMENT_SIGNATURE}` };
    }
    if (Math.abs(Math.floor(now.getTime() / 1000) - Number(t)) > TOLERANCE_SECONDS) {
      return { ok: false, authentic: false, reason: "timestamp outside the tolerance window" };
    }
    const expected = await hmacSha256Hex(this.secret, `${t}.${request.rawBody}`);
    if (!(await constantTimeEqual(parts.v1, expected)))
      return { ok: false, authentic: false, reason: "signature does not match" };
    const body = parseJsonObject(request.rawBody);
    const disbursementId = body ? str(body.disbursementId) : undefined;
    const status = body ? str(body.status) : undefined;
    if (!body || !disbursementId || (status !== "succeeded" && status !== "failed")) {
      return { ok: false, authentic: true, reason: "sandbox event without disbursementId and a final status" };
    }
    return {
      ok: true,
      event: {
        eventId: str(body.eventId) ?? `sandbox:${disbursementId}:${status}`,
        disbursementId,
        providerRef: sandboxRef(disbursementId),
        outcome: status,
        ...(status === "failed" ? { failureCode: str(body.failureCode) ?? "SANDBOX_FAILED" } : {}),
      },
    };
  }
}

/** A sandbox webhook, signed as the provider would sign it (the simulate route and tests). */
export async function signSandboxDisbursement(
  secret: string,
  event: { disbursementId: string; status: "succeeded" | "failed"; failureCode?: string; eventId?: string },
  now: Date = new Date(),
): Promise<WebhookRequest> {
  const rawBody = JSON.stringify(event);
  const t = String(Math.floor(now.getTime() / 1000));
  const headers = new Headers({
    "Content-Type": "application/json",
    [SANDBOX_DISBURSEMENT_SIGNATURE]: `t=${t},v1=${await hmacSha256Hex(secret, `${t}.${rawBody}`)}`,
  });
  return { headers, rawBody };
}
