import { useRoute } from "preact-iso";
import { useI18n } from "../../../i18n";
import type { MessageKey } from "../../../i18n/messages";
import { Loading, ProblemNotice } from "../../common/Status";
import { useApi } from "../../common/use-api";
import { OpsLayout } from "../OpsLayout";
import { type Line, loadRemittance } from "./remittance-api";

/** /ops/remittances/:id: one courier statement, each line against its parcel's order. */
export function RemittanceDetail() {
  return <OpsLayout current="remittances">{() => <Detail />}</OpsLayout>;
}

function Detail() {
  const { t, fmt } = useI18n();
  const { params } = useRoute();
  const id = params.id ?? "";
  const [remittance, reload] = useApi(() => loadRemittance(id), [id]);
  if (remittance.state === "loading") return <Loading />;
  if (remittance.state === "error") return <ProblemNotice problem={remittance.problem} onRetry={reload} />;
  const r = remittance.data;
  const matched = r.items.filter((line) => line.result === "matched").length;
  return (
    <section aria-labelledby="ops-cod-detail">
      <p>
        <a href="/ops/remittances">{t("opsCod.back")}</a>
      </p>
      <h2 id="ops-cod-detail">
        {r.courier} · {r.reference}
      </h2>
      <p>
        {fmt.money(r.total)} · {t("opsCod.remittedOn", { when: fmt.dateTime(r.remittedAt) })}
      </p>
      <p class={`status ops-state ${matched === r.items.length ? "ok" : "failed"}`} data-testid="ops-cod-summary">
        {t("opsCod.summary", { matched: fmt.number(matched), count: fmt.number(r.items.length) })}
      </p>
      <table class="ops-table">
        <thead>
          <tr>
            <th scope="col">{t("opsCod.trackingNumber")}</th>
            <th scope="col">{t("opsCod.amount")}</th>
            <th scope="col">{t("opsCod.expected")}</th>
            <th scope="col">{t("opsCod.order")}</th>
            <th scope="col">{t("opsCod.result")}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((line, i) => (
            <LineRow key={`${i}-${line.trackingNumber}`} line={line} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LineRow({ line }: { line: Line }) {
  const { t, fmt } = useI18n();
  return (
    <tr data-testid="ops-cod-line" data-result={line.result}>
      <th scope="row">{line.trackingNumber}</th>
      <td>{fmt.money(line.amount)}</td>
      <td>{line.expected ? fmt.money(line.expected) : "—"}</td>
      <td>{line.orderId ?? "—"}</td>
      <td class={`ops-state ${line.result === "matched" ? "ok" : "failed"}`} data-testid="ops-cod-result">
        {t(`opsCod.result.${line.result}` as MessageKey)}
      </td>
    </tr>
  );
}
