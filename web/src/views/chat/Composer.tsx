import { useEffect, useRef, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { useAction } from "../common/use-action";
import type { Message } from "./room-socket";

interface Props {
  canPost: boolean;
  replyTo: Message | null;
  editing: Message | null;
  nameOf: (userId: string) => string;
  onSend: (text: string) => void;
  onImage: (mediaId: string, caption: string) => void;
  onEdit: (message: Message, text: string) => void;
  onCancel: () => void;
  onTyping: (typing: boolean) => void;
}

/** Pictures go up first (POST /api/v1/media, raw bytes), then are sent as an `image` message. */
async function upload(file: File): Promise<string> {
  const media = await unwrap(
    api.POST("/api/v1/media", {
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { "Content-Type": file.type || "application/octet-stream" },
    }),
  );
  return media.id;
}

/** The message box: text, a picture, replying to or editing a message; tells the room while typing. */
export function Composer({ canPost, replyTo, editing, nameOf, onSend, onImage, onEdit, onCancel, onTyping }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const { busy: uploading, problem, run } = useAction();
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setText(editing?.text ?? "");
    if (editing || replyTo) input.current?.focus();
  }, [editing, replyTo]);
  if (!canPost) return <p class="status">{t("chat.readOnly")}</p>;

  const submit = (event: Event) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    if (editing) onEdit(editing, value);
    else onSend(value);
    setText("");
    onTyping(false);
  };
  const pick = async (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    const file = target.files?.[0];
    target.value = "";
    if (!file) return;
    await run(async () => {
      onImage(await upload(file), text.trim());
      setText("");
    });
  };
  const context = editing ?? replyTo;
  return (
    <form class="composer" onSubmit={submit}>
      {context && (
        <p class="composer-context">
          {editing ? t("chat.editing") : t("chat.replyingTo", { name: nameOf(context.senderId) })}{" "}
          <q>{(context.text ?? "").slice(0, 80)}</q>{" "}
          <button type="button" onClick={onCancel}>
            {t("chat.cancel")}
          </button>
        </p>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem.detail}
        </p>
      )}
      <label class="visually-hidden" for="composer-text">
        {t("chat.message")}
      </label>
      <textarea
        id="composer-text"
        ref={input}
        rows={1}
        value={text}
        placeholder={t("chat.placeholder")}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          onTyping(value.length > 0);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) submit(e);
        }}
        onBlur={() => onTyping(false)}
      />
      {!editing && (
        <label class="composer-image" aria-busy={uploading}>
          <span class="visually-hidden">{t("chat.attachImage")}</span>
          <span aria-hidden="true">{uploading ? "…" : "📷"}</span>
          <input type="file" accept="image/*" onChange={pick} disabled={uploading} class="visually-hidden" />
        </label>
      )}
      <button type="submit">{editing ? t("chat.save") : t("chat.send")}</button>
    </form>
  );
}
