import { useI18n } from "../../i18n";
import { STATUS_TEXT } from "./labels";
import type { Transaction } from "./wallet-api";

/** A transaction's status as a labelled badge. */
export function TxStatus({ status }: { status: Transaction["status"] }) {
  const { t } = useI18n();
  return (
    <span class={`badge tx-${status}`} data-testid="tx-status">
      {t(STATUS_TEXT[status])}
    </span>
  );
}

/** The amount with its direction: "+฿50.00" for money in, "−฿50.00" for money out. */
export function SignedAmount({ tx }: { tx: Transaction }) {
  const { fmt } = useI18n();
  const credit = tx.direction === "credit";
  return (
    <strong class={credit ? "tx-amount credit" : "tx-amount debit"} data-testid="tx-amount">
      {credit ? "+" : "\u2212"}
      {fmt.money(tx.amount)}
    </strong>
  );
}
