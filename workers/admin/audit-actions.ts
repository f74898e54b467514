import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { auditWrite } from "../identity";
import { clientIpHash } from "../platform/client";
import { database } from "../platform/db";
import { logEvent } from "../platform/log";

/**
 * Admin routes whose change writes its own audit entry in the change's batch (with a type of its
 * own): the middleware leaves them alone so each action is in the log once.
 */
export const SELF_AUDITED_ADMIN_ROUTES: readonly RegExp[] = [
  /^\/api\/v1\/admin\/users\/[^/]+\/(suspend|reinstate|wallet-standing)$/,
  /^\/api\/v1\/admin\/shops\/[^/]+\/verification$/,
  /^\/api\/v1\/admin\/payments\/[^/]+\/refund$/,
];

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every change an operator makes through /api/v1/admin/* is in the audit log with its actor: the
 * routes of the domains that have no audit log of their own (categories, vouchers, reviews,
 * synonyms, chat flags, promotions, PII rotation, dead-letter replays...) are recorded here once
 * they succeeded, as `admin_action` with the method, path and status. Mounted once in workers/app.ts.
 */
export const auditAdminActions = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (READS.has(c.req.method) || c.res.status >= 300) return;
  const path = c.req.path;
  if (SELF_AUDITED_ADMIN_ROUTES.some((pattern) => pattern.test(path))) return;
  const actorId = c.get("auth")?.userId;
  if (!actorId) return;
  try {
    await auditWrite(database(c.env), {
      type: "admin_action",
      actorId,
      ipHash: await clientIpHash(c),
      data: { action: `${c.req.method} ${path}`, status: c.res.status },
    });
  } catch (err) {
    // The change is made; a lost entry is logged loudly rather than failing the operator's request.
    logEvent("error", "admin_audit_failed", { path, error: err instanceof Error ? err.message : String(err) });
  }
});
