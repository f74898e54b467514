import { ApiError } from "../../platform/errors";
import { ProviderError } from "../../platform/provider-http";
import type { TrackingUpdate } from "./types";

/**
 * The second half of a webhook whose body is not believed (Flash Express, GHN): the parcel it names
 * is read again from the courier. A parcel the courier refuses for good (it does not know it) is
 * acknowledged with nothing; any other failure is a 503 with Retry-After, because both couriers
 * send again until they are answered, so nothing is lost by asking them to. `detail` is the
 * 503's detail, in the courier's words ("GHN could not be asked about this order just now...").
 */
export async function rereadOrRetry(
  read: () => Promise<TrackingUpdate[]>,
  detail: string,
  retryAfterSeconds = 5,
): Promise<TrackingUpdate[]> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ProviderError && !err.retryable) return [];
    throw new ApiError("service_unavailable", detail, {
      headers: { "Retry-After": String(retryAfterSeconds) },
    });
  }
}
