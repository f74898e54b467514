import { useI18n } from "../../i18n";
import { typedDecimals } from "./amount";
import { CURRENCIES, type Currency, type Wallet } from "./wallet-api";

/**
 * A currency and an amount typed in major units ("150.50"); the hint says what the wallet of
 * that currency has available and what its limits still allow. `wallets` limits the choice to the
 * currencies held when `heldOnly` (sending, converting, withdrawing); a top-up may open any.
 */
export function AmountField(props: {
  id?: string;
  wallets: Wallet[];
  heldOnly?: boolean;
  currency: Currency;
  amount: string;
  error?: string | null;
  label?: string;
  /** What the hint tells: the sending limits (default), the balance and its ceiling (top-up), or what is available. */
  hint?: "send" | "balance" | "available";
  onCurrency: (currency: Currency) => void;
  onAmount: (amount: string) => void;
}) {
  const { t, fmt } = useI18n();
  const hintText = (w: Wallet, kind: "send" | "balance" | "available") =>
    kind === "send"
      ? t("wallet.send.amountHint", {
          available: fmt.money(w.available),
          perTransfer: fmt.money(w.limits.perTransfer),
          remaining: fmt.money(w.limits.dailyRemaining),
        })
      : kind === "balance"
        ? t("wallet.topup.amountHint", { balance: fmt.money(w.balance), maxBalance: fmt.money(w.limits.maxBalance) })
        : t("wallet.amountAvailable", { available: fmt.money(w.available) });
  const id = props.id ?? "amount";
  const held = props.wallets.map((w) => w.currency);
  const choices = props.heldOnly && held.length > 0 ? CURRENCIES.filter((c) => held.includes(c)) : CURRENCIES;
  const wallet = props.wallets.find((w) => w.currency === props.currency);
  const hint = wallet ? hintText(wallet, props.hint ?? "send") : undefined;
  const described = [hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field amount-field">
      <label for={`${id}-value`}>{props.label ?? t("wallet.send.amount")}</label>
      <div class="row">
        <select
          id={`${id}-currency`}
          aria-label={t("wallet.send.currency")}
          value={props.currency}
          onChange={(e) => props.onCurrency(e.currentTarget.value as Currency)}
        >
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <input
          id={`${id}-value`}
          name={`${id}-value`}
          value={props.amount}
          onInput={(e) => props.onAmount(e.currentTarget.value)}
          inputMode={typedDecimals(props.currency) > 0 ? "decimal" : "numeric"}
          autoComplete="transaction-amount"
          required
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={described || undefined}
        />
      </div>
      {hint && (
        <p class="hint" id={`${id}-hint`} data-testid="amount-hint">
          {hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
