import { useState } from "preact/hooks";
import { type ApiProblem, api, type Schemas, unwrap } from "../../../api/client";
import { useI18n } from "../../../i18n";
import { Field, fieldError, shownAtField } from "../../account/Field";
import { ProblemNotice } from "../../common/Status";
import { useAction } from "../../common/use-action";
import { useApi } from "../../common/use-api";
import { parseAmount, typedDecimals } from "../../wallet/amount";
import { writeOnce } from "../../wallet/attempt";

type Payout = Schemas["Payout"];

/** The fields a refusal may name (errors[].path): shown under the field, not again above the button. */
const FIELDS = ["amount.amount", "destination.bankCode", "destination.accountNumber", "destination.accountName"];
type PayoutRequest = Schemas["CreatePayout"];

/**
 * The payout request: an amount in the shop's currency, to the owner's wallet or a bank account.
 * One Idempotency-Key per attempt (writeOnce), so a double click or a retry pays out once.
 */
export function PayoutForm({ shopId, onPaid }: { shopId: string; onPaid: () => void }) {
  const { t, fmt } = useI18n();
  const [balance] = useApi(
    () => unwrap(api.GET("/api/v1/shops/{id}/balance", { params: { path: { id: shopId } } })),
    [shopId],
  );
  const [amount, setAmount] = useState("");
  const [toBank, setToBank] = useState(false);
  const [bank, setBank] = useState({ bankCode: "", accountNumber: "", accountName: "" });
  const [amountError, setAmountError] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const [done, setDone] = useState<Payout | null>(null);
  const currency = balance.state === "ready" ? balance.data.currency : null;
  if (!currency) return null;
  const submit = async (event: Event) => {
    event.preventDefault();
    const minor = parseAmount(amount, currency);
    if (minor === null) {
      setAmountError(t("sellerEarnings.payout.amountInvalid", { decimals: typedDecimals(currency) }));
      return;
    }
    setAmountError(null);
    setDone(null);
    await run(async () => {
      const body = {
        amount: { amount: minor, currency },
        destination: toBank
          ? {
              bankCode: bank.bankCode.trim().toUpperCase(),
              accountNumber: bank.accountNumber.trim(),
              accountName: bank.accountName.trim(),
            }
          : "wallet",
      } as PayoutRequest;
      const payout = await writeOnce(`seller:payout:${shopId}`, body, (key) =>
        unwrap(
          api.POST("/api/v1/shops/{id}/payouts", {
            params: { path: { id: shopId } },
            body,
            headers: { "Idempotency-Key": key },
          }),
        ),
      );
      setDone(payout);
      setAmount("");
      onPaid();
    });
  };
  return (
    <form class="stack" onSubmit={submit} noValidate aria-labelledby="payout-title" data-testid="payout-form">
      <h2 id="payout-title">{t("sellerEarnings.payout.title")}</h2>
      <Field
        id="payout-amount"
        label={t("sellerEarnings.payout.amount", { currency })}
        error={amountError ?? fieldError(problem, "amount.amount", ["insufficient_funds"]) ?? undefined}
        value={amount}
        onInput={(e) => setAmount(e.currentTarget.value)}
        inputMode="text"
        autoComplete="off"
        required
      />
      <DestinationChoice toBank={toBank} onChange={setToBank} />
      {toBank && <BankFields bank={bank} setBank={setBank} problem={problem} />}
      {problem && !shownAtField(problem, FIELDS, ["insufficient_funds"]) && <ProblemNotice problem={problem} />}
      {done && (
        <p role="status" data-testid="payout-done">
          {t("sellerEarnings.payout.done", {
            amount: fmt.money(done.amount),
            status: t(`sellerEarnings.status.${done.status}`),
          })}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {busy ? t("sellerEarnings.payout.submitting") : t("sellerEarnings.payout.submit")}
      </button>
    </form>
  );
}

function DestinationChoice({ toBank, onChange }: { toBank: boolean; onChange: (toBank: boolean) => void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t("sellerEarnings.payout.destination")}</legend>
      <label>
        <input type="radio" name="payout-destination" checked={!toBank} onChange={() => onChange(false)} />{" "}
        {t("sellerEarnings.payout.wallet")}
      </label>
      <br />
      <label>
        <input type="radio" name="payout-destination" checked={toBank} onChange={() => onChange(true)} />{" "}
        {t("sellerEarnings.payout.bank")}
      </label>
    </fieldset>
  );
}

interface Bank {
  bankCode: string;
  accountNumber: string;
  accountName: string;
}

/** The bank account, each field with the server's words about it (its errors[] path). */
function BankFields({
  bank,
  setBank,
  problem,
}: {
  bank: Bank;
  setBank: (update: (b: Bank) => Bank) => void;
  problem: ApiProblem | null;
}) {
  const { t } = useI18n();
  const error = (path: string) => fieldError(problem, `destination.${path}`);
  return (
    <>
      <Field
        id="payout-bank"
        label={t("sellerEarnings.payout.bankCode")}
        error={error("bankCode")}
        value={bank.bankCode}
        onInput={(e) => setBank((b) => ({ ...b, bankCode: e.currentTarget.value }))}
        maxLength={16}
        autoComplete="off"
        required
      />
      <Field
        id="payout-account"
        label={t("sellerEarnings.payout.accountNumber")}
        error={error("accountNumber")}
        value={bank.accountNumber}
        onInput={(e) => setBank((b) => ({ ...b, accountNumber: e.currentTarget.value }))}
        inputMode="numeric"
        maxLength={34}
        autoComplete="off"
        required
      />
      <Field
        id="payout-name"
        label={t("sellerEarnings.payout.accountName")}
        error={error("accountName")}
        value={bank.accountName}
        onInput={(e) => setBank((b) => ({ ...b, accountName: e.currentTarget.value }))}
        maxLength={100}
        autoComplete="name"
        required
      />
    </>
  );
}
