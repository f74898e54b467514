import type { Config } from "../../platform/config";
import { ApiError } from "../../platform/errors";
import { BITESHIP_INFO, BiteshipCourier } from "./biteship";
import { FLASH_INFO, FlashCourier } from "./flash";
import { GHN_INFO, GhnCourier } from "./ghn";
import { NINJAVAN_INFO, NinjaVanCourier } from "./ninjavan";
import { SANDBOX_INFO, SandboxCourier } from "./sandbox";
import { d1CourierStores } from "./stores";
import type { Courier, CourierInfo } from "./types";

export { BITESHIP_INFO, BiteshipCourier } from "./biteship";
export { FLASH_WEBHOOK_ACK, FlashCourier } from "./flash";
export { GHN_WEBHOOK_SECRET_PARAM, GhnCourier } from "./ghn";
export { labelPdf } from "./label-pdf";
export { NINJAVAN_SIGNATURE_HEADER, NinjaVanCourier } from "./ninjavan";
export { SANDBOX_SIGNATURE_HEADER, SandboxCourier, type SandboxEvent, signSandboxCourierEvent } from "./sandbox";
export { type CourierStores, d1CourierStores } from "./stores";
export type * from "./types";
export { PickupBusy, UnpricedAddress } from "./types";

/** The secrets the couriers need (Env keys; dev values in .dev.vars.example), and D1 for GHN's stores per seller. */
export interface CourierSecrets {
  DB?: D1Database;
  SANDBOX_WEBHOOK_SECRET?: string;
  NINJAVAN_CLIENT_ID?: string;
  NINJAVAN_CLIENT_SECRET?: string;
  GHN_TOKEN?: string;
  GHN_SHOP_ID?: string;
  GHN_WEBHOOK_SECRET?: string;
  BITESHIP_API_KEY?: string;
  BITESHIP_WEBHOOK_SECRET?: string;
  FLASH_MCH_ID?: string;
  FLASH_SECRET_KEY?: string;
}

/** What builds a courier: config and secrets, and the fetch it calls out through (tests hand in a recording one). */
export interface CourierContext {
  config: Config;
  secrets: CourierSecrets;
  fetchFn?: typeof fetch;
}

/** Every real courier this platform speaks to; COURIERS picks those switched on. */
const REAL_COURIERS: readonly CourierInfo[] = [NINJAVAN_INFO, BITESHIP_INFO, GHN_INFO, FLASH_INFO];

/** The couriers switched on here: the configured real ones, and the sandbox where it is allowed. */
export function enabledCouriers(config: Config): CourierInfo[] {
  const real = REAL_COURIERS.filter((c) => config.logistics.couriers.includes(c.id));
  return config.logistics.sandbox ? [...real, SANDBOX_INFO] : real;
}

export function courierInfo(config: Config, id: string): CourierInfo | undefined {
  return enabledCouriers(config).find((c) => c.id === id);
}

/**
 * The courier `id` speaking for `country` (Ninja Van runs one API per country), or 422 when it is
 * not switched on here or does not serve that country.
 */
export function courierFor(ctx: CourierContext, id: string, country: string): Courier {
  const info = courierInfo(ctx.config, id);
  if (!info) {
    const known = enabledCouriers(ctx.config)
      .map((c) => c.id)
      .join(", ");
    throw new ApiError("validation_failed", `There is no courier ${id} here. Choose one of: ${known}.`, {
      errors: [{ path: "courier", message: "Unknown courier" }],
    });
  }
  if (!info.countries.includes(country)) {
    throw new ApiError("validation_failed", `The courier ${id} does not deliver in ${country}.`, {
      errors: [{ path: "courier", message: "Not served in this country" }],
    });
  }
  return build(ctx, id, country);
}

function build(ctx: CourierContext, id: string, country: string): Courier {
  const fetchFn = ctx.fetchFn ?? fetch;
  if (id === "sandbox") return new SandboxCourier(ctx.secrets.SANDBOX_WEBHOOK_SECRET ?? "");
  if (id === "ghn") {
    return new GhnCourier({
      baseUrl: ctx.config.logistics.ghnBaseUrl,
      token: ctx.secrets.GHN_TOKEN ?? "",
      shopId: ctx.secrets.GHN_SHOP_ID ?? "",
      webhookSecret: ctx.secrets.GHN_WEBHOOK_SECRET ?? "",
      timeoutMs: ctx.config.logistics.timeoutMs,
      fetchFn,
      ...(ctx.secrets.DB ? { stores: d1CourierStores(ctx.secrets.DB) } : {}),
    });
  }
  if (id === "flash") {
    return new FlashCourier({
      baseUrl: ctx.config.logistics.flashBaseUrl,
      mchId: ctx.secrets.FLASH_MCH_ID ?? "",
      secretKey: ctx.secrets.FLASH_SECRET_KEY ?? "",
      timeoutMs: ctx.config.logistics.timeoutMs,
      fetchFn,
    });
  }
  if (id === "biteship") {
    return new BiteshipCourier({
      baseUrl: ctx.config.logistics.biteshipBaseUrl,
      apiKey: ctx.secrets.BITESHIP_API_KEY ?? "",
      webhookHeader: ctx.config.logistics.biteshipWebhookHeader,
      webhookSecret: ctx.secrets.BITESHIP_WEBHOOK_SECRET ?? "",
      timeoutMs: ctx.config.logistics.timeoutMs,
      fetchFn,
    });
  }
  return new NinjaVanCourier({
    baseUrl: ctx.config.logistics.ninjavanBaseUrl,
    clientId: ctx.secrets.NINJAVAN_CLIENT_ID ?? "",
    clientSecret: ctx.secrets.NINJAVAN_CLIENT_SECRET ?? "",
    country,
    timeoutMs: ctx.config.logistics.timeoutMs,
    fetchFn,
  });
}

/**
 * The courier that verifies a webhook sent to /shipping/webhook/:courier. A webhook proves itself
 * by its signature alone; the country only picks the API (the same secret signs for every
 * country), so any served country will do.
 */
export function webhookCourier(ctx: CourierContext, id: string): Courier | undefined {
  const info = courierInfo(ctx.config, id);
  return info ? build(ctx, id, info.countries[0]) : undefined;
}
