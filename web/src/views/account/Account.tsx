import { useEffect, useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { Addresses } from "./Addresses";
import { forgetEndedSession, useRequiredSession } from "./guard";
import { Mfa } from "./Mfa";
import { Privacy } from "./Privacy";
import { Profile } from "./Profile";
import { Sessions } from "./Sessions";
import "./account.css";

/** /account: profile, addresses, signed-in devices, and the account's data (export, deletion). */
export function Account() {
  const { t, fmt } = useI18n();
  const [deleted, setDeleted] = useState<Schemas["AccountDeletion"] | null>(null);
  const session = useRequiredSession(deleted !== null);
  if (deleted) {
    // The server's answer, kept on screen after the session is gone.
    return (
      <section class="account narrow" aria-labelledby="account-title">
        <h1 id="account-title">{t("account.title")}</h1>
        <p role="status" data-testid="account-deleted">
          {t("account.delete.done", { time: fmt.dateTime(deleted.deletedAt) })}
        </p>
        <a href="/">{t("notFound.home")}</a>
      </section>
    );
  }
  if (!session) return null;
  return <SignedIn onDeleted={setDeleted} />;
}

function SignedIn({ onDeleted }: { onDeleted: (answer: Schemas["AccountDeletion"]) => void }) {
  const { t } = useI18n();
  const [me, reload] = useApi(() => unwrap(api.GET("/api/v1/users/me")), []);
  const [user, setUser] = useState<Schemas["User"] | null>(null);
  useEffect(() => {
    if (me.state === "error") forgetEndedSession(me.problem);
  }, [me]);
  const current = user ?? (me.state === "ready" ? me.data : null);
  return (
    <section class="account" aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <p>
        <a href="/account/notifications">{t("account.notifications.title")}</a>
      </p>
      {current?.roles.includes("seller") && (
        <p>
          <a href="/seller">{t("seller.title")}</a>
        </p>
      )}
      {current?.roles.includes("admin") && (
        <p>
          <a href="/ops">{t("ops.title")}</a>
        </p>
      )}
      {me.state === "loading" && <Loading />}
      {me.state === "error" && <ProblemNotice problem={me.problem} onRetry={reload} />}
      {current && <Profile user={current} onSaved={setUser} />}
      <Addresses />
      <Sessions />
      <Mfa />
      <Privacy onDeleted={onDeleted} />
    </section>
  );
}
