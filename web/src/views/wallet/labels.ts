import type { MessageKey } from "../../i18n/messages";
import type { Transaction, Wallet } from "./wallet-api";

// The words for the API's enums, one table each, so every wallet page names them alike.

export const TYPE_TEXT: Record<Transaction["type"], MessageKey> = {
  topup: "wallet.type.topup",
  transfer_in: "wallet.type.transfer_in",
  transfer_out: "wallet.type.transfer_out",
  conversion_in: "wallet.type.conversion_in",
  conversion_out: "wallet.type.conversion_out",
  payment: "wallet.type.payment",
  refund: "wallet.type.refund",
  withdrawal: "wallet.type.withdrawal",
  payout: "wallet.type.payout",
  fee: "wallet.type.fee",
};

export const STATUS_TEXT: Record<Transaction["status"], MessageKey> = {
  pending: "wallet.status.pending",
  completed: "wallet.status.completed",
  failed: "wallet.status.failed",
  reversed: "wallet.status.reversed",
};

export const KYC_TEXT: Record<Wallet["kycLevel"], MessageKey> = {
  basic: "wallet.kyc.basic",
  verified: "wallet.kyc.verified",
};
