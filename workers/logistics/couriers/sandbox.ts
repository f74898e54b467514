import { z } from "zod";
import { TRACKING_STATUS } from "../../../schemas/logistics";
import { constantTimeEqual, hmacSha256Hex } from "../../platform/crypto";
import { sha256Hex } from "../../platform/ids";
import { COUNTRIES_SERVED } from "./catalogue";
import { labelPdf } from "./label-pdf";
import type {
  BookingRequest,
  Courier,
  CourierInfo,
  Pickup,
  PickupRequest,
  TrackingUpdate,
  WebhookRequest,
} from "./types";

export const SANDBOX_SIGNATURE_HEADER = "X-Sandbox-Courier-Signature";

const SandboxEventSchema = z.object({
  trackingNumber: z.string().min(1),
  eventId: z.string().min(1),
  status: z.enum(TRACKING_STATUS),
  description: z.string(),
  location: z.string().optional(),
  at: z.string().datetime(),
});
export type SandboxEvent = z.infer<typeof SandboxEventSchema>;

/** A signed sandbox webhook, as the simulate endpoint (and tests) send it through the webhook path. */
export async function signSandboxCourierEvent(secret: string, event: SandboxEvent) {
  const rawBody = JSON.stringify(event);
  const headers = new Headers({
    "Content-Type": "application/json",
    [SANDBOX_SIGNATURE_HEADER]: await hmacSha256Hex(secret, rawBody),
  });
  return { rawBody, headers };
}

export const SANDBOX_INFO: CourierInfo = {
  id: "sandbox",
  name: "Sandbox Courier",
  countries: COUNTRIES_SERVED,
  services: [
    { code: "standard", name: "Standard", codCountries: COUNTRIES_SERVED },
    { code: "express", name: "Express", codCountries: [] },
  ],
};

/**
 * The local courier: books at once (the tracking number derives from our shipment id, so booking
 * again gives the same parcel), draws its label itself, and reports tracking only through signed
 * webhooks (POST /shipments/:id/simulate signs one with SANDBOX_WEBHOOK_SECRET and posts it to the
 * same webhook path a real courier uses). It quotes no rates: the rate cards price it.
 */
export class SandboxCourier implements Courier {
  readonly info = SANDBOX_INFO;
  constructor(private readonly secret: string) {}

  async rate() {
    return null;
  }

  async book(request: BookingRequest) {
    const digest = await sha256Hex(`sandbox:${request.reference}`);
    return { trackingNumber: `SBX${digest.slice(0, 12).toUpperCase()}` };
  }

  async cancel() {}

  /** Confirmed at once: the simulated courier comes within two hours of the parcel being ready. */
  async requestPickup(request: PickupRequest): Promise<Pickup> {
    return { reference: `PU-${request.trackingNumber}`, from: request.readyAt, until: request.readyAt + 2 * 3_600_000 };
  }

  async label(trackingNumber: string) {
    return labelPdf(["Sandbox Courier", `Tracking: ${trackingNumber}`, "Not a real parcel label"]);
  }

  async track(): Promise<TrackingUpdate[]> {
    return [];
  }

  async verifyWebhook({ rawBody, headers }: WebhookRequest): Promise<TrackingUpdate[] | null> {
    const signature = headers.get(SANDBOX_SIGNATURE_HEADER) ?? "";
    if (!this.secret || !(await constantTimeEqual(signature, await hmacSha256Hex(this.secret, rawBody)))) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      return null;
    }
    const event = SandboxEventSchema.safeParse(parsed);
    if (!event.success) return null;
    const e = event.data;
    return [
      {
        trackingNumber: e.trackingNumber,
        eventKey: e.eventId,
        status: e.status,
        description: e.description,
        ...(e.location ? { location: e.location } : {}),
        at: Date.parse(e.at),
      },
    ];
  }
}
