import { useState } from "preact/hooks";
import { ApiProblem } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import type { Transfer } from "../wallet/send-api";
import type { MoneyForm as MoneyFormView, Step } from "./MoneyForm";

type FormView = typeof MoneyFormView;

/**
 * "Send money" in a direct dialog: an amount, a confirm step naming the person, then the wallet
 * transfer (POST /wallet/transfers, once per attempt) handed to the room as a `transfer` message,
 * which both sides see as a live card. The form (the wallet's amount field and its formats) is
 * loaded when someone opens it, so a room shows its messages without waiting for money code.
 */
export function SendMoney({ to, name, onSent }: { to: string; name: string; onSent: (transfer: Transfer) => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ at: "closed" });
  const [Form, setForm] = useState<FormView | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const open = () => {
    setStep({ at: "form" });
    setProblem(null);
    if (!Form)
      import("./MoneyForm").then(
        (m) => setForm(() => m.MoneyForm),
        (err: unknown) => setProblem(new ApiProblem({ status: 0, detail: String(err) })),
      );
  };
  if (step.at === "closed")
    return (
      <button type="button" class="send-money-open" onClick={open}>
        {t("chat.money.open")}
      </button>
    );
  if (problem) return <ProblemNotice problem={problem} onRetry={open} />;
  if (!Form) return <Loading />;
  return (
    <Form
      to={to}
      name={name}
      step={step}
      onStep={setStep}
      onSent={(transfer) => {
        setStep({ at: "closed" });
        onSent(transfer);
      }}
    />
  );
}
