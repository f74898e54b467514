import { and, asc, eq, inArray, lte, or } from "drizzle-orm";
import { disbursements } from "../../d1/schema/disbursements";
import { readConfig } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";
import type { Currency } from "../platform/money";
import { type DisbursementProviderName, disbursementProviderNamed, type WebhookRequest } from "./providers";
import { signSandboxDisbursement } from "./providers/sandbox";
import { applyOutcome, type DisbursementRow, disbursementById, requestDisbursement } from "./service";

export interface WebhookResult {
  applied: boolean;
  duplicate: boolean;
}

/**
 * A provider's webhook: verified its own way before anything is read (401 otherwise, nothing
 * changes), then applied once. A genuine event we do not act on, one for a disbursement we do not
 * know, and a repeat or a late one (the disbursement is final already) are answered 200 and change
 * nothing, so the provider stops sending them.
 */
export async function receiveDisbursementWebhook(
  env: Env,
  name: DisbursementProviderName,
  request: WebhookRequest,
): Promise<WebhookResult> {
  const provider = disbursementProviderNamed(env, name);
  if (!provider) throw new ApiError("not_found", "Nothing exists at this address.");
  const verified = await provider.verifyWebhook(request);
  if (!verified.ok) {
    if (!verified.authentic) {
      logEvent("warn", "disbursement_webhook_refused", { provider: name, reason: verified.reason });
      throw new ApiError("unauthorized", "The webhook's signature does not verify.");
    }
    return { applied: false, duplicate: false };
  }
  const { event } = verified;
  const row = await disbursementById(database(env), event.disbursementId);
  if (row?.provider !== name) {
    logEvent("warn", "disbursement_webhook_unknown", { provider: name, id: event.disbursementId });
    return { applied: false, duplicate: false };
  }
  const applied = await applyOutcome(env, row.id, event);
  return { applied, duplicate: !applied };
}

/** The sandbox's outcome of one disbursement, sent as a signed webhook through the path above. */
export async function simulateDisbursement(
  env: Env,
  id: string,
  status: "succeeded" | "failed",
): Promise<DisbursementRow> {
  const db = database(env);
  const row = await disbursementById(db, id);
  if (row?.provider !== "sandbox") throw new ApiError("not_found", "There is no sandbox disbursement with this id.");
  const request = await signSandboxDisbursement(env.SANDBOX_WEBHOOK_SECRET, {
    disbursementId: id,
    status,
    ...(status === "failed" ? { failureCode: "SANDBOX_REJECTED" } : {}),
  });
  await receiveDisbursementWebhook(env, "sandbox", request);
  return (await disbursementById(db, id)) ?? row;
}

/** Disbursements one cron run looks at (each may cost a provider call). */
const CHECK_BATCH = 25;

/**
 * The cron's share: disbursements whose webhook never came. A `requested` one past its check time
 * is asked about (a final answer takes the webhook's path; otherwise it is asked again later,
 * backing off); a `pending` one older than the check interval (its provider's answer was lost) is
 * sent again under the same idempotency key. Returns how many reached a final status.
 */
export async function checkStaleDisbursements(env: Env, fetchFn?: typeof fetch): Promise<number> {
  const db = database(env);
  const now = nowMs();
  const { statusCheckMs } = readConfig(env).disbursements;
  const due = await db
    .select()
    .from(disbursements)
    .where(
      or(
        and(eq(disbursements.status, "requested"), lte(disbursements.nextCheckAt, now)),
        and(eq(disbursements.status, "pending"), lte(disbursements.createdAt, now - statusCheckMs)),
      ),
    )
    .orderBy(asc(disbursements.updatedAt))
    .limit(CHECK_BATCH);
  let settled = 0;
  for (const row of due) {
    try {
      if (await checkOne(env, row, statusCheckMs, fetchFn)) settled += 1;
    } catch (err) {
      logEvent("warn", "disbursement_check_failed", { id: row.id, provider: row.provider, error: String(err) });
    }
  }
  return settled;
}

async function checkOne(env: Env, row: DisbursementRow, statusCheckMs: number, fetchFn?: typeof fetch) {
  if (row.status === "pending") {
    const after = await requestDisbursement(
      env,
      { ...row, amount: { amount: row.amount, currency: row.currency as Currency } },
      fetchFn,
    );
    return after.status === "succeeded" || after.status === "failed";
  }
  const provider = disbursementProviderNamed(env, row.provider as DisbursementProviderName, fetchFn);
  if (!provider || !row.providerRef) return false;
  const state = await provider.fetchStatus({ disbursementId: row.id, providerRef: row.providerRef });
  if (state.outcome !== "pending") return applyOutcome(env, row.id, state);
  const checks = row.checks + 1;
  await database(env)
    .update(disbursements)
    .set({ checks, nextCheckAt: nowMs() + statusCheckMs * 2 ** Math.min(checks, 6) })
    .where(and(eq(disbursements.id, row.id), inArray(disbursements.status, ["requested"])));
  return false;
}
