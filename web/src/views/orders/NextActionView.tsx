import { useState } from "preact/hooks";
import { FPX_BANKS } from "../../../../workers/payments/gateways/regional";
import type { Schemas } from "../../api/client";
import type { Money } from "../../format";
import { useI18n } from "../../i18n";
import { QrCode } from "./QrCode";

type NextAction = NonNullable<Schemas["NextAction"]>;

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** The FPX bank a redirect leads to, by the name the payer knows. */
function bankName(code: unknown): string | undefined {
  return FPX_BANKS.find((b) => b.code === code)?.name;
}

/** A button that copies `value` and says so (for a VA number typed into a banking app). */
function CopyButton({ value }: { value: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <>
      <button type="button" class="secondary" onClick={copy}>
        {t("pay.copy")}
      </button>
      <span role="status" class="status">
        {copied === true ? t("pay.copied") : copied === false ? t("pay.copyFailed") : ""}
      </span>
    </>
  );
}

/** What the payer does next, as the gateway said: open a page, transfer to an account, scan a code. */
export function NextActionView({ action, amount }: { action: NextAction; amount: Money }) {
  const { t, fmt } = useI18n();
  const url = text(action.url);
  const expiresAt = text(action.expiresAt);
  const instructions = text(action.instructions);
  return (
    <div class="next-action" data-testid="next-action">
      {action.type === "redirect" && url && (
        <a class="button" href={url} rel="noopener">
          {bankName(action.bank) ? t("pay.continueToBank", { bank: bankName(action.bank) ?? "" }) : t("pay.continue")}
        </a>
      )}
      {action.type === "deeplink" && url && (
        <p>
          {text(action.mobileUrl) && (
            <a class="button" href={text(action.mobileUrl)}>
              {t("pay.openApp")}
            </a>
          )}{" "}
          <a href={url} rel="noopener">
            {t("pay.continue")}
          </a>
        </p>
      )}
      {action.type === "virtual_account" && text(action.accountNumber) && (
        <dl class="totals">
          <dt>{t("pay.bank")}</dt>
          <dd>{text(action.bank)}</dd>
          <dt>{t("pay.accountNumber")}</dt>
          <dd>
            <code data-testid="va-number">{text(action.accountNumber)}</code>{" "}
            <CopyButton value={text(action.accountNumber) ?? ""} />
          </dd>
          <dt>{t("pay.exactAmount")}</dt>
          <dd>{fmt.money(amount)}</dd>
        </dl>
      )}
      {action.type === "qr" && (
        <figure class="qr-figure">
          {text(action.qrString) ? (
            <QrCode value={text(action.qrString) ?? ""} label={t("pay.qrLabel", { amount: fmt.money(amount) })} />
          ) : (
            text(action.imageUrl) && (
              <img class="qr" src={text(action.imageUrl)} alt={t("pay.qrLabel", { amount: fmt.money(amount) })} />
            )
          )}
          <figcaption>{t("pay.scan", { amount: fmt.money(amount) })}</figcaption>
        </figure>
      )}
      {action.type === "none" && <p class="status">{t("pay.confirmInApp")}</p>}
      {expiresAt && <p class="status">{t("pay.expiresAt", { at: fmt.dateTime(expiresAt) })}</p>}
      {instructions && <p class="instructions">{instructions}</p>}
    </div>
  );
}
