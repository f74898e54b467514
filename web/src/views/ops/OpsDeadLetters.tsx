import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";
import { OpsLayout } from "./OpsLayout";

/** /ops/dead-letters: events given up after their retries, newest first; replay one. */
export function OpsDeadLetters() {
  return <OpsLayout current="dead-letters">{() => <DeadLetterList />}</OpsLayout>;
}

function DeadLetterList() {
  const { t, fmt } = useI18n();
  const [page, reload] = useApi(() => unwrap(api.GET("/api/v1/admin/dead-letters", { params: { query: {} } })), []);
  const { busy, running, problem, run } = useAction<string>();
  const [replayed, setReplayed] = useState<string[]>([]);
  const replay = (id: string) =>
    run(async () => {
      await unwrap(api.POST("/api/v1/admin/dead-letters/{id}/replay", { params: { path: { id } } }));
      setReplayed((done) => [...done, id]);
    }, id);
  if (page.state === "loading") return <Loading />;
  if (page.state === "error") return <ProblemNotice problem={page.problem} onRetry={reload} />;
  return (
    <div class="ops-dead-letters">
      {problem && <ProblemNotice problem={problem} />}
      {page.data.items.length === 0 && <p class="status">{t("opsAdmin.noDeadLetters")}</p>}
      <ul class="ops-list">
        {page.data.items.map((letter) => (
          <li key={letter.id} class="ops-card" data-testid="ops-dead-letter" data-id={letter.id}>
            <strong>{letter.eventType ?? letter.queue}</strong> · {fmt.dateTime(letter.createdAt)}
            <p>{letter.error}</p>
            <p>{t("opsAdmin.attempts", { n: fmt.number(letter.attempts) })}</p>
            {replayed.includes(letter.id) ? (
              <p class="status" role="status">
                {t("opsAdmin.replayed")}
              </p>
            ) : (
              letter.replayable && (
                <button type="button" disabled={busy} onClick={() => void replay(letter.id)}>
                  {running === letter.id ? t("opsAdmin.working") : t("opsAdmin.replay")}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={reload}>
        {t("ops.refresh")}
      </button>
    </div>
  );
}
