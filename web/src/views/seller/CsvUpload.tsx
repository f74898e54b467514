import { useState } from "preact/hooks";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { type BulkReport, uploadPriceStockCsv } from "./seller-api";

/**
 * The bulk price and stock CSV: choose a file, upload, read the per-row report. The server applies
 * every row or none; a refused file lists each line to fix.
 */
export function CsvUpload({ shopId, onApplied }: { shopId: string; onApplied: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const { busy, problem, run } = useAction();
  const [report, setReport] = useState<BulkReport | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    await run(async () => {
      setReport(null);
      const answer = await uploadPriceStockCsv(shopId, file, crypto.randomUUID());
      setReport(answer);
      if (answer.status === "applied") onApplied();
    });
  };
  return (
    <form class="seller-card" onSubmit={submit} aria-labelledby="csv-title">
      <h2 id="csv-title">{t("seller.csv.title")}</h2>
      <p>{t("seller.csv.help")}</p>
      <pre class="seller-sample">sku,price,stock{"\n"}TEE-RED-M,199.00,25</pre>
      <label for="csv-file">{t("seller.csv.file")}</label>
      <input
        id="csv-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
      />
      <button type="submit" disabled={!file || busy} aria-busy={busy}>
        {busy ? t("seller.csv.uploading") : t("seller.csv.upload")}
      </button>
      {problem && <ProblemNotice problem={problem} />}
      {report && <Report report={report} />}
    </form>
  );
}

function Report({ report }: { report: BulkReport }) {
  const { t } = useI18n();
  if (report.status === "applied") {
    return (
      <p role="status" class="seller-report ok" data-testid="csv-report">
        {t("seller.csv.applied", { count: String(report.applied) })}
      </p>
    );
  }
  return (
    <div role="alert" class="seller-report refused" data-testid="csv-report">
      <p>{t("seller.csv.refused", { count: String(report.refused.length) })}</p>
      <table class="seller-table">
        <thead>
          <tr>
            <th scope="col">{t("seller.csv.line")}</th>
            <th scope="col">{t("seller.csv.sku")}</th>
            <th scope="col">{t("seller.csv.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {report.refused.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>{r.sku}</td>
              <td>{t(`seller.csv.code.${r.code}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
