import { useI18n } from "../../../i18n";
import type { Voucher } from "./voucher-api";

/** One voucher: its code, what it takes off, its conditions, uses, window and state; deactivate while active. */
export function VoucherRow({
  voucher: v,
  busy,
  onDeactivate,
}: {
  voucher: Voucher;
  busy: boolean;
  onDeactivate: () => void;
}) {
  const { t, fmt } = useI18n();
  const off =
    v.type === "percent"
      ? t("sellerVouchers.off.percent", { value: v.value ?? 0 })
      : v.type === "fixed" && v.currency
        ? t("sellerVouchers.off.fixed", { amount: fmt.money({ amount: v.value ?? 0, currency: v.currency }) })
        : t("sellerVouchers.off.free_shipping");
  const terms = [
    v.minSpend && v.minSpend.amount > 0 ? t("sellerVouchers.minSpendOf", { amount: fmt.money(v.minSpend) }) : null,
    v.maxDiscount ? t("sellerVouchers.capOf", { amount: fmt.money(v.maxDiscount) }) : null,
    v.totalLimit === null
      ? t("sellerVouchers.usedNoLimit", { used: v.used })
      : t("sellerVouchers.used", { used: v.used, limit: v.totalLimit }),
  ].filter(Boolean);
  return (
    <li class={`card voucher${v.active ? "" : " voucher-off"}`} data-testid="voucher-row">
      <div class="voucher-head">
        <strong class="voucher-code">{v.code}</strong>
        <span class={`badge${v.active ? " badge-completed" : ""}`}>
          {v.active ? t("sellerVouchers.active") : t("sellerVouchers.inactive")}
        </span>
      </div>
      <p>{off}</p>
      <p class="status">{terms.join(" · ")}</p>
      {v.startsAt && v.endsAt && (
        <p class="status">
          {t("sellerVouchers.window", { from: fmt.dateTime(v.startsAt), to: fmt.dateTime(v.endsAt) })}
        </p>
      )}
      {v.active && (
        <button
          type="button"
          class="secondary"
          onClick={onDeactivate}
          disabled={busy}
          aria-busy={busy}
          aria-label={t("sellerVouchers.deactivateLabel", { code: v.code })}
        >
          {busy ? t("sellerVouchers.deactivating") : t("sellerVouchers.deactivate")}
        </button>
      )}
    </li>
  );
}
