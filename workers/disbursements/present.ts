import type { z } from "@hono/zod-openapi";
import type { DisbursementSchema } from "../../schemas/disbursements";
import { type Currency, money } from "../platform/money";
import { maskAccount } from "./banks";
import type { DisbursementRow } from "./service";

export function presentDisbursement(r: DisbursementRow): z.infer<typeof DisbursementSchema> {
  return {
    id: r.id,
    status: r.status,
    provider: r.provider,
    amount: money(r.amount, r.currency as Currency),
    bankCode: r.bankCode,
    accountNumber: maskAccount(r.accountLast4),
    ...(r.failureCode ? { failureCode: r.failureCode } : {}),
    createdAt: new Date(r.createdAt).toISOString(),
    ...(r.completedAt !== null ? { completedAt: new Date(r.completedAt).toISOString() } : {}),
  };
}
