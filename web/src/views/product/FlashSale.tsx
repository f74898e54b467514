import { useEffect, useState } from "preact/hooks";
import type { Schemas } from "../../api/client";
import { useI18n } from "../../i18n";

/** "1:02:03" or "02:03": the time left until `endsAt`, ticking each second. */
function useCountdown(endsAt: string): { left: number; text: string } {
  const end = Date.parse(endsAt);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((end - now) / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const text = h > 0 ? `${h}:${pad(m)}:${pad(left % 60)}` : `${pad(m)}:${pad(left % 60)}`;
  return { left, text };
}

/**
 * The product page's sale box: the sale price beside the normal one, the countdown to its end and
 * the units left at that price. The server decides what is charged; once the countdown ends the
 * box says so (the next read shows the normal price).
 */
export function FlashSaleBox(props: { sale: Schemas["ProductFlashSale"]; normal: Schemas["Money"] }) {
  const { t, fmt } = useI18n();
  const { left, text } = useCountdown(props.sale.endsAt);
  return (
    <section class="flash-sale" aria-label={t("flash.badge")} data-testid="flash-sale">
      <p class="flash-badge">{t("flash.badge")}</p>
      <p class="product-price" data-testid="flash-price">
        {fmt.money(props.sale.price)} <s class="status">{t("flash.was", { price: fmt.money(props.normal) })}</s>
      </p>
      {left > 0 ? (
        <p class="status" role="timer" aria-live="off">
          {t("flash.endsIn", { time: text })}
        </p>
      ) : (
        <p class="status">{t("flash.ended")}</p>
      )}
      <p class="status" data-testid="flash-remaining">
        {t("flash.remaining", { count: fmt.number(props.sale.remaining) })}
      </p>
    </section>
  );
}
