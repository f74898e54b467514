import { useState } from "preact/hooks";
import { attemptKey, finishAttempt } from "../../../api/idempotency";
import { useI18n } from "../../../i18n";
import { ProblemNotice } from "../../common/Status";
import { useAction } from "../../common/use-action";
import { useApi } from "../../common/use-api";
import { loadCouriers, type Remittance, recordStatement } from "./remittance-api";

const SAMPLE = "tracking_number,amount,currency\nSBX0A1B2C3D4,299.00,THB";

/**
 * A courier's statement recorded: the CSV file they sent, or its text pasted. The server checks
 * every line first and records all or none; a refused statement lists each line and column to fix.
 * One Idempotency-Key per attempt (api/idempotency), so a double click records it once.
 */
export function StatementForm({ onRecorded }: { onRecorded: () => void }) {
  const { t, fmt } = useI18n();
  const [couriers] = useApi(loadCouriers, []);
  const [courier, setCourier] = useState("");
  const [reference, setReference] = useState("");
  const [remittedAt, setRemittedAt] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const { busy, problem, run } = useAction();
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<Remittance | null>(null);
  const chosen = courier || (couriers.state === "ready" ? (couriers.data[0] ?? "") : "");
  const submit = async (event: Event) => {
    event.preventDefault();
    const text = file ? await file.text() : pasted.trim();
    setMissing(!text);
    if (!text) return;
    // datetime-local is the browser's local time; the API wants an instant with its offset.
    const header = {
      courier: chosen,
      reference: reference.trim(),
      remittedAt: remittedAt ? new Date(remittedAt).toISOString() : "",
    };
    const scope = "ops-cod-remittance";
    await run(async () => {
      setDone(null);
      // The statement's digest, not its text, keys the attempt: a statement may be a megabyte.
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
      const key = attemptKey(scope, JSON.stringify({ header, digest: Array.from(digest).join(".") }));
      const recorded = await recordStatement(header, new Blob([text], { type: "text/csv" }), key);
      finishAttempt(scope);
      setDone(recorded);
      onRecorded();
    });
  };
  return (
    <form class="ops-form ops-card" onSubmit={(e) => void submit(e)} aria-labelledby="ops-cod-record" aria-busy={busy}>
      <h2 id="ops-cod-record">{t("opsCod.record")}</h2>
      <p>{t("opsCod.recordHelp")}</p>
      <pre>{SAMPLE}</pre>
      <label for="ops-cod-courier">{t("opsCod.courier")}</label>
      <select id="ops-cod-courier" value={chosen} required onChange={(e) => setCourier(e.currentTarget.value)}>
        {couriers.state === "ready" &&
          couriers.data.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
      </select>
      <label for="ops-cod-reference">{t("opsCod.reference")}</label>
      <input
        id="ops-cod-reference"
        value={reference}
        required
        maxLength={100}
        onInput={(e) => setReference(e.currentTarget.value)}
      />
      <label for="ops-cod-when">{t("opsCod.remittedAt")}</label>
      <input
        id="ops-cod-when"
        type="datetime-local"
        value={remittedAt}
        onInput={(e) => setRemittedAt(e.currentTarget.value)}
      />
      <label for="ops-cod-file">{t("opsCod.file")}</label>
      <input
        id="ops-cod-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
      />
      <label for="ops-cod-paste">{t("opsCod.paste")}</label>
      <textarea
        id="ops-cod-paste"
        rows={5}
        value={pasted}
        disabled={file !== null}
        aria-invalid={missing}
        onInput={(e) => setPasted(e.currentTarget.value)}
      />
      {missing && (
        <p class="problem" role="alert">
          {t("opsCod.needCsv")}
        </p>
      )}
      <button type="submit" disabled={busy || !chosen}>
        {busy ? t("opsCod.recording") : t("opsCod.submit")}
      </button>
      {problem && <ProblemNotice problem={problem} />}
      {problem && problem.errors.length > 0 && (
        <ul class="problem" data-testid="ops-cod-refused" aria-label={t("opsCod.refusedLines")}>
          {problem.errors.map((e) => (
            <li key={e.path}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p class="status" role="status">
          {t("opsCod.recorded", {
            reference: done.reference,
            count: fmt.number(done.itemCount),
            total: fmt.money(done.total),
          })}{" "}
          <a href={`/ops/remittances/${encodeURIComponent(done.id)}`}>{t("opsCod.openOne")}</a>
        </p>
      )}
    </form>
  );
}
