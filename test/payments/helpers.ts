import { Buffer } from "node:buffer";
import { GatewayError } from "../../workers/payments/gateways/types";
import { rejection } from "../support/recording-fetch";

export { json, recordingFetch } from "../support/recording-fetch";

/** Awaits a promise that must reject with a GatewayError and returns the error. */
export const gatewayFailure = (promise: Promise<unknown>) => rejection(promise, GatewayError);

/** Base64 of "user:password", computed with node's Buffer (independent of the code under test). */
export function basic(user: string, password = ""): string {
  return `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
}

/** A form body as a plain object (keys in order). */
export function form(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
