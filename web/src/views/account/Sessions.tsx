import { api, type Schemas, unwrap, unwrapEmpty } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { signOutHere } from "./auth";
import { useRowAction } from "./row-action";

type Session = Schemas["Session"];

const endSession = (s: Session) =>
  unwrapEmpty(api.DELETE("/api/v1/auth/sessions/{id}", { params: { path: { id: s.id } } }));

/** The devices signed in to this account: end one, every other one, or this one. */
export function Sessions() {
  const { t, fmt } = useI18n();
  const [list, reload] = useApi(() => unwrap(api.GET("/api/v1/auth/sessions")).then((r) => r.items), []);
  const { busy, problem, act } = useRowAction(reload);
  const others = list.state === "ready" ? list.data.filter((s) => !s.current) : [];

  return (
    <section class="card-section" aria-labelledby="sessions-title" aria-busy={busy !== null}>
      <h2 id="sessions-title">{t("account.sessions.title")}</h2>
      {list.state === "loading" && <Loading />}
      {list.state === "error" && <ProblemNotice problem={list.problem} onRetry={reload} />}
      {problem && <ProblemNotice problem={problem} />}
      {list.state === "ready" && (
        <ul class="plain" data-testid="sessions">
          {list.data.map((s) => (
            <li key={s.id} class="item" data-current={s.current ? "true" : undefined}>
              <p>
                <strong>{s.device.name ?? s.device.platform}</strong>
                {s.current && <span class="badge">{t("account.sessions.current")}</span>}
              </p>
              <p class="muted">
                {t("account.sessions.lastActive", { time: fmt.dateTime(s.lastActiveAt) })} ·{" "}
                {t("account.sessions.since", { time: fmt.date(s.createdAt) })}
              </p>
              {!s.current && (
                <button type="button" onClick={() => act(s.id, () => endSession(s))} disabled={busy !== null}>
                  {busy === s.id ? t("account.busy") : t("account.sessions.end")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        {others.length > 0 && (
          <button
            type="button"
            class="danger"
            onClick={() => act("others", () => Promise.all(others.map(endSession)))}
            disabled={busy !== null}
          >
            {busy === "others" ? t("account.busy") : t("account.sessions.endOthers")}
          </button>
        )}
        <button type="button" onClick={() => act("here", signOutHere)} disabled={busy !== null}>
          {busy === "here" ? t("account.busy") : t("account.sessions.signOut")}
        </button>
      </div>
    </section>
  );
}
