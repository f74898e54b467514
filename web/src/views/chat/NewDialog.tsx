import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";

// A dialog by the other people's ids (each person sees their own id on /chat to share it), for
// groups; one person is easier found by phone number on /chat/new (NewChat.tsx). Support chats
// start from a product page instead.

export function NewDialog() {
  const { t } = useI18n();
  const { route } = useLocation();
  const [type, setType] = useState<"direct" | "group">("direct");
  const { busy, problem, run } = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const participantIds = String(form.get("participants") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    const name = String(form.get("name") ?? "").trim();
    await run(async () => {
      const dialog = await unwrap(
        api.POST("/api/v1/dialogs", {
          body: { type, participantIds, ...(type === "group" && name ? { name } : {}) },
        }),
      );
      route(`/chat/${encodeURIComponent(dialog.id)}`);
    });
  };
  return (
    <form class="new-dialog" onSubmit={submit} aria-labelledby="new-dialog-title">
      <h2 id="new-dialog-title">{t("chat.newTitle")}</h2>
      <fieldset>
        <legend>{t("chat.newType")}</legend>
        <label>
          <input type="radio" name="type" checked={type === "direct"} onChange={() => setType("direct")} />
          {t("chat.newDirect")}
        </label>
        <label>
          <input type="radio" name="type" checked={type === "group"} onChange={() => setType("group")} />
          {t("chat.newGroup")}
        </label>
      </fieldset>
      <label for="new-participants">{t("chat.newParticipants")}</label>
      <input
        id="new-participants"
        name="participants"
        required
        autoComplete="off"
        aria-describedby="new-participants-hint"
      />
      <small id="new-participants-hint">{t("chat.newParticipantsHint")}</small>
      {type === "group" && (
        <>
          <label for="new-name">{t("chat.newName")}</label>
          <input id="new-name" name="name" maxLength={100} />
        </>
      )}
      {problem && <ProblemNotice problem={problem} />}
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? t("app.loading") : t("chat.newStart")}
      </button>
    </form>
  );
}
