import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { OpsLayout } from "./OpsLayout";

type User = Schemas["User"];

/** /ops/users: find an account by exact phone, email or id; suspend it with a reason, or reinstate it. */
export function OpsUsers() {
  return <OpsLayout current="users">{() => <UserSearch />}</OpsLayout>;
}

function UserSearch() {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<User[] | null>(null);
  const action = useAction();
  const { busy, problem } = action;
  const run = (find: () => Promise<User[]>) => action.run(async () => setFound(await find()));
  const search = (e: Event) => {
    e.preventDefault();
    void run(async () => (await unwrap(api.GET("/api/v1/admin/users", { params: { query: { q } } }))).items);
  };
  return (
    <div class="ops-users">
      <form onSubmit={search} class="ops-form">
        <label for="ops-user-q">{t("opsAdmin.userQuery")}</label>
        <input id="ops-user-q" name="q" value={q} onInput={(e) => setQ(e.currentTarget.value)} required />
        <button type="submit" disabled={busy}>
          {busy ? t("opsAdmin.working") : t("opsAdmin.find")}
        </button>
      </form>
      {problem && <ProblemNotice problem={problem} />}
      {found?.length === 0 && <p class="status">{t("opsAdmin.noUser")}</p>}
      {found?.map((user) => (
        <UserCard key={user.id} user={user} busy={busy} run={run} />
      ))}
    </div>
  );
}

function UserCard({
  user,
  busy,
  run,
}: {
  user: User;
  busy: boolean;
  run: (find: () => Promise<User[]>) => Promise<boolean>;
}) {
  const { t, fmt } = useI18n();
  const [reason, setReason] = useState("");
  const path = { params: { path: { id: user.id } } };
  const suspend = (e: Event) => {
    e.preventDefault();
    void run(async () => [await unwrap(api.POST("/api/v1/admin/users/{id}/suspend", { ...path, body: { reason } }))]);
  };
  const reinstate = () => void run(async () => [await unwrap(api.POST("/api/v1/admin/users/{id}/reinstate", path))]);
  return (
    <article class="ops-card" data-testid="ops-user">
      <h2>{user.displayName}</h2>
      <dl>
        <dt>{t("opsAdmin.id")}</dt>
        <dd>{user.id}</dd>
        {user.phone && <dt>{t("opsAdmin.phone")}</dt>}
        {user.phone && <dd>{user.phone}</dd>}
        {user.email && <dt>{t("opsAdmin.email")}</dt>}
        {user.email && <dd>{user.email}</dd>}
        <dt>{t("opsAdmin.status")}</dt>
        <dd data-testid="ops-user-status">
          {user.status === "active" ? t("opsAdmin.active") : t("opsAdmin.suspended")}
        </dd>
        <dt>{t("opsAdmin.roles")}</dt>
        <dd>{user.roles.join(", ")}</dd>
        <dt>{t("opsAdmin.createdAt")}</dt>
        <dd>{fmt.dateTime(user.createdAt)}</dd>
      </dl>
      {user.status === "active" && (
        <form onSubmit={suspend} class="ops-form">
          <label for={`ops-reason-${user.id}`}>{t("opsAdmin.reason")}</label>
          <input
            id={`ops-reason-${user.id}`}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
            required
            maxLength={500}
          />
          <button type="submit" disabled={busy}>
            {t("opsAdmin.suspend")}
          </button>
        </form>
      )}
      {user.status === "suspended" && (
        <button type="button" onClick={reinstate} disabled={busy}>
          {t("opsAdmin.reinstate")}
        </button>
      )}
    </article>
  );
}
