import type { ApiProblem } from "../../api/client";
import { useI18n } from "../../i18n";

/** Shown while a section loads: announced politely to screen readers. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p class="status" role="status" aria-live="polite">
      {t("app.loading")}
    </p>
  );
}

/** An error in the server's own words (problem+json `detail`), with a way to try again. */
export function ProblemNotice({ problem, onRetry }: { problem: ApiProblem; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div class="problem" role="alert">
      <p>
        <strong>{t("app.error")}</strong> {problem.detail}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("app.retry")}
        </button>
      )}
    </div>
  );
}
