import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { LOCALE_NAMES, LOCALES, type Locale, useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { Field, fieldError, shownAtField } from "./Field";
import { forgetEndedSession } from "./guard";

type User = Schemas["User"];

/** Name, language, time zone and avatar (PATCH /users/me); choosing a language also switches the app's. */
export function Profile({ user, onSaved }: { user: User; onSaved: (user: User) => void }) {
  const { t, setLocale } = useI18n();
  const { busy, problem, run } = useAction({ onProblem: forgetEndedSession });
  const [saved, setSaved] = useState(false);
  const [avatar, setAvatar] = useState(user.avatarUrl ?? "");
  // Controlled: Preact sets no `defaultValue` on a <select>, which would show the first language instead.
  const [language, setLanguage] = useState<Locale>(user.locale);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const get = (name: string) => data.get(name)?.toString().trim() ?? "";
    await run(async () => {
      setSaved(false);
      const body = {
        displayName: get("profile-name"),
        locale: get("profile-locale") as Locale,
        timezone: get("profile-timezone"),
        avatarUrl: get("profile-avatar") || null,
      };
      const next = await unwrap(api.PATCH("/api/v1/users/me", { body }));
      onSaved(next);
      setSaved(true);
      setLocale(next.locale);
    });
  };

  const fields = ["displayName", "locale", "timezone", "avatarUrl"];
  return (
    <section class="card-section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("account.profile.title")}</h2>
      <p class="muted">{user.phone ?? user.email}</p>
      <form class="stack" onSubmit={onSubmit} aria-busy={busy}>
        {avatar && <img class="avatar" src={avatar} alt={t("account.profile.avatarAlt")} width={64} height={64} />}
        <Field
          id="profile-name"
          label={t("account.displayName")}
          defaultValue={user.displayName}
          required
          maxLength={100}
          error={fieldError(problem, "displayName")}
        />
        <div class="field">
          <label for="profile-locale">{t("account.profile.locale")}</label>
          <select
            id="profile-locale"
            name="profile-locale"
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as Locale)}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="profile-timezone"
          label={t("account.profile.timezone")}
          hint={t("account.profile.timezoneHint")}
          defaultValue={user.timezone}
          error={fieldError(problem, "timezone")}
        />
        <Field
          id="profile-avatar"
          label={t("account.profile.avatar")}
          type="url"
          defaultValue={user.avatarUrl ?? ""}
          onChange={(e) => setAvatar(e.currentTarget.value)}
          error={fieldError(problem, "avatarUrl")}
        />
        {problem && !shownAtField(problem, fields) && <ProblemNotice problem={problem} />}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t("account.busy") : t("account.save")}
        </button>
        <p role="status" aria-live="polite">
          {saved ? t("account.saved") : ""}
        </p>
      </form>
    </section>
  );
}
