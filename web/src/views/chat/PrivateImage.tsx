import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";
import { useI18n } from "../../i18n";

// Chat pictures are private: their url answers only with the reader's access token
// (GET /api/v1/media/{id}), which an <img src> cannot send. The bytes are fetched through the API
// client (it adds the token) and shown from a blob: URL, released when the picture goes away.

function parts(url: string): { id: string; dialog?: string; sig?: string } | null {
  try {
    const parsed = new URL(url, location.origin);
    const id = parsed.pathname.match(/\/api\/v1\/media\/([^/]+)$/)?.[1];
    if (!id) return null;
    return {
      id: decodeURIComponent(id),
      dialog: parsed.searchParams.get("dialog") ?? undefined,
      sig: parsed.searchParams.get("sig") ?? undefined,
    };
  } catch {
    return null;
  }
}

export function PrivateImage({ url, alt }: { url: string; alt: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const target = parts(url);
    if (!target) {
      setFailed(true);
      return;
    }
    let objectUrl: string | null = null;
    let alive = true;
    api
      .GET("/api/v1/media/{id}", {
        params: { path: { id: target.id }, query: { dialog: target.dialog, sig: target.sig } },
        parseAs: "blob",
      })
      .then(({ data, response }) => {
        if (!alive) return;
        if (!response.ok || !(data instanceof Blob)) return setFailed(true);
        objectUrl = URL.createObjectURL(data);
        setSrc(objectUrl);
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (failed) return <span class="msg-media-missing">{t("chat.imageUnavailable")}</span>;
  if (!src) return <span class="msg-media-loading" role="status" aria-label={t("app.loading")} />;
  return <img class="msg-image" src={src} alt={alt} loading="lazy" />;
}
