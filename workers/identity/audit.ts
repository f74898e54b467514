import { auditEvents } from "../../d1/schema/identity";
import type { Database } from "../platform/db";
import { nowMs } from "../platform/db";
import { newId } from "../platform/ids";

export type AuditType =
  | "sign_in"
  | "sign_in_failed"
  | "otp_requested"
  | "otp_failed"
  | "otp_locked"
  | "user_registered"
  | "token_refreshed"
  | "refresh_token_reused"
  | "session_revoked"
  | "session_evicted"
  | "logout"
  | "password_reset_requested"
  | "password_changed"
  | "account_deleted"
  | "account_suspended"
  | "account_reinstated"
  | "data_exported"
  | "wallet_standing_changed"
  | "shop_verification_approved"
  | "shop_verification_rejected"
  | "mfa_setup_started"
  | "mfa_enabled"
  | "mfa_disabled"
  | "mfa_failed"
  | "mfa_recovery_code_used"
  | "mfa_recovery_codes_regenerated"
  /** An operator's change through /api/v1/admin/* that does not write its own entry (workers/admin/audit-actions.ts). */
  | "admin_action"
  | "payment_refunded_by_hand";

export interface AuditEntry {
  type: AuditType;
  userId?: string | null;
  actorId?: string | null;
  sessionId?: string | null;
  /** A keyed hash of the client IP, never the address itself. */
  ipHash?: string | null;
  data?: Record<string, unknown>;
}

/** The insert for one audit event: add it to the batch of the change it records. */
export function auditWrite(db: Database, entry: AuditEntry) {
  return db.insert(auditEvents).values({
    id: newId("aud"),
    type: entry.type,
    userId: entry.userId ?? null,
    actorId: entry.actorId ?? entry.userId ?? null,
    sessionId: entry.sessionId ?? null,
    ipHash: entry.ipHash ?? null,
    data: entry.data ?? {},
    createdAt: nowMs(),
  });
}
