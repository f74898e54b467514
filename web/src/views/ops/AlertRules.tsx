import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";

type Rule = Schemas["AlertRule"];

/** The metrics a rule may watch: schemas/metrics.ts ALERT_METRICS (the server checks; this fills the menu). */
const METRICS = [
  "requests",
  "errorRate",
  "p50Ms",
  "p95Ms",
  "p99Ms",
  "orders",
  "paymentsSucceeded",
  "paymentsFailed",
  "chatMessages",
  "notificationsSent",
  "notificationsFailed",
  "queueBacklog",
  "deadLetters",
];

type Draft = { id: string; metric: string; op: ">" | "<"; threshold: string; windowMinutes: string; notify: string };
const EMPTY: Draft = { id: "", metric: "errorRate", op: ">", threshold: "", windowMinutes: "5", notify: "" };

const toDraft = (rule: Rule): Draft => ({
  id: rule.id,
  metric: rule.metric,
  op: rule.op,
  threshold: String(rule.threshold),
  windowMinutes: String(rule.windowMinutes),
  notify: rule.notify.join("\n"),
});
const fromDraft = (draft: Draft): Rule => ({
  id: draft.id.trim(),
  metric: draft.metric,
  op: draft.op,
  threshold: Number(draft.threshold),
  windowMinutes: Number(draft.windowMinutes),
  notify: draft.notify
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean),
});

/** The rules editor: list, add, edit, remove; every change PUTs the whole list (the API's shape). */
export function AlertRules() {
  const { t } = useI18n();
  const [loaded, reload] = useApi(() => unwrap(api.GET("/api/v1/admin/alerts")), []);
  const [saved, setSaved] = useState<Rule[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const [done, setDone] = useState(false);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error") return <ProblemNotice problem={loaded.problem} onRetry={reload} />;
  const rules = saved ?? loaded.data.rules;

  const save = async (next: Rule[]) => {
    await run(async () => {
      setDone(false);
      const answer = await unwrap(api.PUT("/api/v1/admin/alerts", { body: { rules: next } }));
      setSaved(answer.rules);
      setDraft(EMPTY);
      setEditing(null);
      setDone(true);
    });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const rule = fromDraft(draft);
    void save(editing === null ? [...rules, rule] : rules.map((r) => (r.id === editing ? rule : r)));
  };
  const edit = (id: string | null, next: Draft) => {
    setEditing(id);
    setDraft(next);
  };
  const set = (field: keyof Draft) => (e: Event) =>
    setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value });

  return (
    <section aria-labelledby="ops-rules-title">
      <h2 id="ops-rules-title">{t("opsMetrics.rules")}</h2>
      {rules.length === 0 && <p class="status">{t("opsMetrics.noRules")}</p>}
      <ul class="ops-list">
        {rules.map((rule) => (
          <li key={rule.id} class="ops-card" data-testid="ops-alert-rule" data-id={rule.id}>
            <strong>{rule.id}</strong>: {rule.metric} {rule.op === ">" ? t("opsMetrics.above") : t("opsMetrics.below")}{" "}
            {rule.threshold} · {rule.windowMinutes} min · {rule.notify.join(", ")}{" "}
            <button type="button" disabled={busy} onClick={() => edit(rule.id, toDraft(rule))}>
              {t("opsMetrics.edit")}
            </button>{" "}
            <button type="button" disabled={busy} onClick={() => void save(rules.filter((r) => r.id !== rule.id))}>
              {t("opsMetrics.remove")}
            </button>
          </li>
        ))}
      </ul>
      <form class="ops-form" onSubmit={submit}>
        <label for="ops-rule-id">{t("opsMetrics.ruleId")}</label>
        <input id="ops-rule-id" value={draft.id} onInput={set("id")} required maxLength={64} />
        <label for="ops-rule-metric">{t("opsMetrics.metric")}</label>
        <select id="ops-rule-metric" value={draft.metric} onChange={set("metric")}>
          {METRICS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <label for="ops-rule-op">{t("opsMetrics.op")}</label>
        <select id="ops-rule-op" value={draft.op} onChange={set("op")}>
          <option value=">">{t("opsMetrics.above")}</option>
          <option value="<">{t("opsMetrics.below")}</option>
        </select>
        <label for="ops-rule-threshold">{t("opsMetrics.threshold")}</label>
        <input
          id="ops-rule-threshold"
          inputMode="decimal"
          value={draft.threshold}
          onInput={set("threshold")}
          required
        />
        <label for="ops-rule-window">{t("opsMetrics.window")}</label>
        <input
          id="ops-rule-window"
          type="number"
          min={1}
          max={1440}
          value={draft.windowMinutes}
          onInput={set("windowMinutes")}
          required
        />
        <label for="ops-rule-notify">{t("opsMetrics.notify")}</label>
        <textarea id="ops-rule-notify" rows={2} value={draft.notify} onInput={set("notify")} required />
        <button type="submit" disabled={busy}>
          {busy ? t("opsMetrics.saving") : editing === null ? t("opsMetrics.addRule") : t("opsMetrics.updateRule")}
        </button>
        {editing !== null && (
          <button type="button" onClick={() => edit(null, EMPTY)}>
            {t("opsMetrics.cancel")}
          </button>
        )}
        {problem && <ProblemNotice problem={problem} />}
        {done && (
          <p class="status" role="status">
            {t("opsMetrics.saved")}
          </p>
        )}
      </form>
    </section>
  );
}
