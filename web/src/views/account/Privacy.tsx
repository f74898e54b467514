import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { setSession } from "../../api/session";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { Field } from "./Field";
import { forgetEndedSession } from "./guard";

/** Saves `data` as a JSON file through the browser's download. */
function download(data: unknown, name: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL can go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export my data (a JSON download) and delete my account after typing the confirmation word. */
export function Privacy({ onDeleted }: { onDeleted: (answer: Schemas["AccountDeletion"]) => void }) {
  const { t } = useI18n();
  const { busy, running, problem, run } = useAction<"export" | "delete">({
    onProblem: forgetEndedSession,
    keepBusy: ["delete"],
  });
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const word = t("account.delete.word");

  const exportData = async () => {
    await run(async () => {
      const data = await unwrap(api.GET("/api/v1/users/me/export"));
      download(data, `tchat-data-${new Date().toISOString().slice(0, 10)}.json`);
    }, "export");
  };

  const deleteAccount = async (event: Event) => {
    event.preventDefault();
    if (typed.trim() !== word) return;
    await run(async () => {
      const answer = await unwrap(api.DELETE("/api/v1/users/me"));
      onDeleted(answer);
      // Every session ended on the server; this one too.
      setSession(null);
    }, "delete");
  };

  return (
    <section class="card-section" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t("account.privacy.title")}</h2>
      {problem && <ProblemNotice problem={problem} />}
      <p class="muted">{t("account.export.body")}</p>
      <button type="button" onClick={exportData} disabled={busy}>
        {running === "export" ? t("account.busy") : t("account.export.button")}
      </button>
      <p class="muted">{t("account.delete.body")}</p>
      {confirming ? (
        <form class="stack confirm" onSubmit={deleteAccount} aria-busy={running === "delete"}>
          <Field
            id="delete-confirm"
            label={t("account.delete.typeWord", { word })}
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            autoFocus
          />
          <div class="row">
            <button type="submit" class="danger" disabled={busy || typed.trim() !== word}>
              {running === "delete" ? t("account.busy") : t("account.delete.confirm")}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                setTyped("");
              }}
              disabled={busy}
            >
              {t("account.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t("account.delete.button")}
        </button>
      )}
    </section>
  );
}
