import { readConfig } from "../../platform/config";
import { logEvent } from "../../platform/log";
import type { Currency } from "../../platform/money";
import { OmiseTransfers } from "./omise";
import { SandboxDisbursements } from "./sandbox";
import type { DisbursementProvider, DisbursementProviderName } from "./types";
import { XenditPayouts } from "./xendit";

export * from "./types";

/** The Worker's fetch, bound late so tests may replace the global. */
const workerFetch: typeof fetch = (input, init) => fetch(input, init);

/**
 * The provider `name` with this environment's secrets, or undefined where it is not available: the
 * sandbox exists only where PAYMENTS_SANDBOX is on (never in production), and a provider without
 * its secrets is logged and treated as absent (its webhooks 404, nothing is sent through it).
 */
export function disbursementProviderNamed(
  env: Env,
  name: DisbursementProviderName,
  fetchFn: typeof fetch = workerFetch,
): DisbursementProvider | undefined {
  try {
    return construct(env, name, fetchFn);
  } catch (err) {
    logEvent("error", "disbursement_provider_unavailable", { provider: name, error: String(err) });
    return undefined;
  }
}

function construct(env: Env, name: DisbursementProviderName, fetchFn: typeof fetch): DisbursementProvider | undefined {
  switch (name) {
    case "sandbox":
      return readConfig(env).paymentsSandbox ? new SandboxDisbursements(env.SANDBOX_WEBHOOK_SECRET) : undefined;
    case "xendit":
      return new XenditPayouts(
        { secretKey: env.XENDIT_SECRET_KEY ?? "", callbackToken: env.XENDIT_CALLBACK_TOKEN ?? "" },
        fetchFn,
      );
    case "omise":
      return new OmiseTransfers(
        { secretKey: env.OMISE_SECRET_KEY ?? "", webhookSecret: env.OMISE_WEBHOOK_SECRET ?? "" },
        fetchFn,
      );
  }
}

/** Who pays out `currency` here: the sandbox in development, else DISBURSEMENT_PROVIDERS; undefined if nobody. */
export function providerNameFor(env: Env, currency: Currency): DisbursementProviderName | undefined {
  const config = readConfig(env);
  if (config.paymentsSandbox) return "sandbox";
  return config.disbursements.providers[currency];
}
