import { z } from "@hono/zod-openapi";

/** A second-factor code: 6 digits from an authenticator app, or a recovery code such as `k7m2q-x9p4d`. */
export const MfaCodeInput = z
  .string()
  .trim()
  .min(6)
  .max(32)
  .openapi({ example: "123456", description: "The 6-digit code of the authenticator app, or a recovery code" });

export const TotpSetupSchema = z
  .object({
    secret: z.string().openapi({ example: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", description: "Base32, for typing in" }),
    otpauthUrl: z.string().openapi({ example: "otpauth://totp/Tchat:me%40example.com?secret=...&issuer=Tchat" }),
    recoveryCodes: z.array(z.string()).openapi({
      description: "One-time codes for when the authenticator is lost; shown only now, working once MFA is enabled",
      example: ["k7m2q-x9p4d"],
    }),
  })
  .openapi("TotpSetup");

export const MfaCodeSchema = z.object({ code: MfaCodeInput }).strict().openapi("MfaCode");

export const RecoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()) })
  .openapi("RecoveryCodes", { description: "New one-time recovery codes; the previous ones no longer work" });

export const MfaStatusSchema = z
  .object({
    enabled: z.boolean(),
    pending: z.boolean().openapi({ description: "Set up but not yet enabled with a first code" }),
    recoveryCodesLeft: z.number().int(),
  })
  .openapi("MfaStatus");

export const AuditVerificationSchema = z
  .object({
    valid: z.boolean(),
    checked: z.number().int().openapi({ description: "Rows of the chain checked" }),
    firstBrokenId: z.string().nullable().openapi({
      description: "The first row whose hash, link or place in the chain is wrong (edited, or after a deleted row)",
    }),
    unsealed: z.number().int().openapi({ description: "Rows written since the last seal, not yet in the chain" }),
  })
  .openapi("AuditVerification");
