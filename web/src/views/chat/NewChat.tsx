import "./chat.css";
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { PhoneFields } from "../account/PhoneFields";
import { type Country, countryOfLocale } from "../account/phone";
import { Loading, ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { SignInFirst } from "./SignInFirst";
import { useMe } from "./use-me";

type Person = Schemas["PublicUser"];

/**
 * /chat/new: find a person by the phone number they sign in with (GET /api/v1/users/lookup, the
 * server's own format check and words under the field), check the name shown, then start the
 * direct dialog (POST /api/v1/dialogs, which gives back the existing one) and open it.
 */
export function NewChat() {
  const { t } = useI18n();
  const [me] = useMe();
  useEffect(() => {
    document.title = `${t("chatNew.title")} · Tchat`;
  }, [t]);
  if (me.state === "loading") return <Loading />;
  if (me.state === "error") return <ProblemNotice problem={me.problem} />;
  if (!me.data) return <SignInFirst />;
  return (
    <section aria-labelledby="chat-new-title" class="chat-list chat-new">
      <p>
        <a href="/chat">{t("chatNew.back")}</a>
      </p>
      <h1 id="chat-new-title">{t("chatNew.title")}</h1>
      <p class="chat-new-intro">{t("chatNew.intro")}</p>
      <Finder />
    </section>
  );
}

function Finder() {
  const { t, locale } = useI18n();
  const { route } = useLocation();
  const [country, setCountry] = useState<Country>(countryOfLocale(locale));
  const [phone, setPhone] = useState("");
  const { busy, running, problem, run } = useAction<"find" | "start">({ keepBusy: ["start"] });
  const [person, setPerson] = useState<Person | null>(null);

  const find = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      setPerson(null);
      setPerson(await unwrap(api.GET("/api/v1/users/lookup", { params: { query: { phone, country } } })));
    }, "find");
  };

  const start = async () => {
    if (!person) return;
    await run(async () => {
      const body = { type: "direct" as const, participantIds: [person.id] };
      const dialog = await unwrap(api.POST("/api/v1/dialogs", { body }));
      route(`/chat/${encodeURIComponent(dialog.id)}`);
    }, "start");
  };

  return (
    <>
      <form class="new-dialog" onSubmit={find} aria-busy={running === "find"}>
        <PhoneFields
          id="chat-new"
          country={country}
          onCountry={(next) => {
            setCountry(next);
            setPerson(null);
          }}
          phone={phone}
          onPhone={(next) => {
            setPhone(next);
            setPerson(null);
          }}
          labels={{
            country: t("chatNew.country"),
            phone: t("chatNew.phone"),
            hint: (format) => t("chatNew.phoneHint", format),
          }}
          error={person ? undefined : problem?.detail}
          autoComplete="off"
        />
        <button type="submit" class="primary" disabled={busy}>
          {running === "find" ? t("chatNew.finding") : t("chatNew.find")}
        </button>
      </form>
      {person && (
        <section class="found" aria-labelledby="chat-new-found" data-testid="person-found">
          <h2 id="chat-new-found">{t("chatNew.found")}</h2>
          <p class="found-person">
            {person.avatarUrl ? (
              <img src={person.avatarUrl} alt="" width={40} height={40} />
            ) : (
              <span class="found-initial" aria-hidden="true">
                {person.displayName.slice(0, 1).toUpperCase()}
              </span>
            )}
            <strong>{person.displayName}</strong>
          </p>
          {problem && <ProblemNotice problem={problem} />}
          <button type="button" class="primary" onClick={start} disabled={busy} aria-busy={running === "start"}>
            {running === "start" ? t("chatNew.starting") : t("chatNew.start", { name: person.displayName })}
          </button>
        </section>
      )}
    </>
  );
}
