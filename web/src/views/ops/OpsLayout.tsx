import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { OPS_SECTIONS } from "./sections";
import "./ops.css";

/**
 * Every /ops page: the console's navigation (OPS_SECTIONS), then the page itself. The page is shown
 * to admins only; the API refuses everyone else anyway, this just says so in words.
 */
export function OpsLayout({ current, children }: { current: string; children: () => ComponentChildren }) {
  const session = useRequiredSession();
  return session ? <OpsFrame current={current}>{children}</OpsFrame> : null;
}

function OpsFrame({ current, children }: { current: string; children: () => ComponentChildren }) {
  const { t } = useI18n();
  const [me, reload] = useApi(() => unwrap(api.GET("/api/v1/users/me")), []);
  useEffect(() => {
    if (me.state === "error") forgetEndedSession(me.problem);
  }, [me]);
  useEffect(() => {
    document.title = `${t("ops.title")} · Tchat`;
  }, [t]);
  return (
    <section class="ops" aria-labelledby="ops-title">
      <h1 id="ops-title">{t("ops.title")}</h1>
      <nav class="ops-sections" aria-label={t("ops.sections")}>
        {OPS_SECTIONS.map((section) => (
          <a
            key={section.path}
            href={section.path ? `/ops/${section.path}` : "/ops"}
            aria-current={current === section.path ? "page" : undefined}
          >
            {t(section.labelKey)}
          </a>
        ))}
      </nav>
      {me.state === "loading" && <Loading />}
      {me.state === "error" && <ProblemNotice problem={me.problem} onRetry={reload} />}
      {me.state === "ready" && !me.data.roles.includes("admin") && (
        <p class="status" role="alert" data-testid="ops-not-admin">
          {t("ops.notAdmin")}
        </p>
      )}
      {me.state === "ready" && me.data.roles.includes("admin") && children()}
    </section>
  );
}
