import { cloneElement, type VNode } from "preact";
import { useState } from "preact/hooks";
import { ApiProblem, type Schemas } from "../../../api/client";
import { useI18n } from "../../../i18n";
import { fieldError, shownAtField } from "../../account/Field";
import { ProblemNotice } from "../../common/Status";
import { useAction } from "../../common/use-action";
import { parseAmount } from "../../wallet/amount";
import { createVoucher, type NewVoucher, type Voucher } from "./voucher-api";

type Kind = NewVoucher["type"];

interface Draft {
  code: string;
  type: Kind;
  value: string;
  minSpend: string;
  maxDiscount: string;
  startsAt: string;
  endsAt: string;
  totalLimit: string;
  perUserLimit: string;
}

const FIELDS = ["code", "type", "value", "minSpend", "maxDiscount", "startsAt", "endsAt", "totalLimit", "perUserLimit"];

/** A datetime-local value (the reader's local time, minutes) `days` from now. */
function localInput(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setSeconds(0, 0);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const blank = (): Draft => ({
  code: "",
  type: "percent",
  value: "10",
  minSpend: "",
  maxDiscount: "",
  startsAt: localInput(0),
  endsAt: localInput(7),
  totalLimit: "",
  perUserLimit: "1",
});

/** The API body from the draft; a typed amount the app cannot read is refused here, naming its field. */
function bodyOf(draft: Draft, currency: string): NewVoucher | { bad: string } {
  const money = (text: string, path: string) => {
    if (!text.trim()) return undefined;
    const amount = parseAmount(text, currency);
    if (amount === null) throw path;
    return { amount, currency: currency as Schemas["Currency"] };
  };
  const whole = (text: string) => (text.trim() ? Number(text) : undefined);
  try {
    const value =
      draft.type === "percent"
        ? whole(draft.value)
        : draft.type === "fixed"
          ? money(draft.value, "value")?.amount
          : undefined;
    return {
      code: draft.code.trim(),
      type: draft.type,
      ...(value !== undefined ? { value } : {}),
      ...(money(draft.minSpend, "minSpend") ? { minSpend: money(draft.minSpend, "minSpend") } : {}),
      ...(draft.type === "percent" && money(draft.maxDiscount, "maxDiscount")
        ? { maxDiscount: money(draft.maxDiscount, "maxDiscount") }
        : {}),
      startsAt: new Date(draft.startsAt).toISOString(),
      endsAt: new Date(draft.endsAt).toISOString(),
      ...(whole(draft.totalLimit) !== undefined ? { totalLimit: whole(draft.totalLimit) } : {}),
      ...(whole(draft.perUserLimit) !== undefined ? { perUserLimit: whole(draft.perUserLimit) } : {}),
    };
  } catch (path) {
    return { bad: String(path) };
  }
}

/** The form for a new voucher: the server checks every rule and its words show under the field concerned. */
export function VoucherForm(props: { shopId: string; currency: string; onCreated: (v: Voucher) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(blank);
  const { busy: saving, problem, setProblem, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof Draft) => (e: Event) =>
    setDraft((d) => ({ ...d, [key]: (e.currentTarget as HTMLInputElement).value }));
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(null);
    const body = bodyOf(draft, props.currency);
    if ("bad" in body) {
      const detail = t("sellerVouchers.badAmount");
      setProblem(new ApiProblem({ status: 422, detail, errors: [{ path: body.bad, message: detail }] }));
      return;
    }
    await run(async () => {
      const created = await createVoucher(props.shopId, body);
      props.onCreated(created);
      setDone(t("sellerVouchers.created", { code: created.code }));
      setDraft(blank());
    });
  };
  const err = (path: string) => fieldError(problem, path);
  const cur = { currency: props.currency };
  return (
    <form class="voucher-form card" onSubmit={submit} aria-labelledby="voucher-form-title" noValidate>
      <h2 id="voucher-form-title">{t("sellerVouchers.create")}</h2>
      <Input id="voucher-code" label={t("sellerVouchers.code")} hint={t("sellerVouchers.codeHint")} error={err("code")}>
        <input value={draft.code} onInput={set("code")} autoComplete="off" maxLength={32} required />
      </Input>
      <Input id="voucher-type" label={t("sellerVouchers.type")} error={err("type")}>
        <select value={draft.type} onChange={set("type")}>
          {(["percent", "fixed", "free_shipping"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`sellerVouchers.type.${k}`)}
            </option>
          ))}
        </select>
      </Input>
      {draft.type !== "free_shipping" && (
        <Input
          id="voucher-value"
          label={draft.type === "percent" ? t("sellerVouchers.value.percent") : t("sellerVouchers.value.fixed", cur)}
          error={err("value")}
        >
          <input
            value={draft.value}
            onInput={set("value")}
            inputMode={draft.type === "percent" ? "numeric" : "decimal"}
          />
        </Input>
      )}
      <div class="pair">
        <Input id="voucher-min-spend" label={t("sellerVouchers.minSpend", cur)} error={err("minSpend")}>
          <input value={draft.minSpend} onInput={set("minSpend")} inputMode="decimal" />
        </Input>
        {draft.type === "percent" && (
          <Input id="voucher-max-discount" label={t("sellerVouchers.maxDiscount", cur)} error={err("maxDiscount")}>
            <input value={draft.maxDiscount} onInput={set("maxDiscount")} inputMode="decimal" />
          </Input>
        )}
      </div>
      <div class="pair">
        <Input id="voucher-starts" label={t("sellerVouchers.startsAt")} error={err("startsAt")}>
          <input type="datetime-local" value={draft.startsAt} onInput={set("startsAt")} required />
        </Input>
        <Input id="voucher-ends" label={t("sellerVouchers.endsAt")} error={err("endsAt")}>
          <input type="datetime-local" value={draft.endsAt} onInput={set("endsAt")} required />
        </Input>
      </div>
      <div class="pair">
        <Input id="voucher-total" label={t("sellerVouchers.totalLimit")} error={err("totalLimit")}>
          <input value={draft.totalLimit} onInput={set("totalLimit")} inputMode="numeric" />
        </Input>
        <Input id="voucher-per-user" label={t("sellerVouchers.perUserLimit")} error={err("perUserLimit")}>
          <input value={draft.perUserLimit} onInput={set("perUserLimit")} inputMode="numeric" />
        </Input>
      </div>
      {problem && !shownAtField(problem, FIELDS) && <ProblemNotice problem={problem} />}
      {done && (
        <p class="status" role="status">
          {done}
        </p>
      )}
      <button type="submit" disabled={saving} aria-busy={saving}>
        {saving ? t("sellerVouchers.creating") : t("sellerVouchers.submit")}
      </button>
    </form>
  );
}

/**
 * A label, the one input or select given as child (its id and descriptions set here), its hint and
 * the server's words about it.
 */
function Input(props: { id: string; label: string; hint?: string; error?: string; children: VNode }) {
  const described = [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {cloneElement(props.children, {
        id: props.id,
        name: props.id,
        "aria-invalid": props.error ? "true" : undefined,
        "aria-describedby": described || undefined,
      })}
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="problem" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
