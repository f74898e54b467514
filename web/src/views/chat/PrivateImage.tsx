import { api } from "../../api/client";
import { useI18n } from "../../i18n";
import { BlobImage, blobOf } from "../common/BlobImage";

// Chat pictures are private: their url (GET /api/v1/media/{id}?dialog=&sig=) answers only with the
// reader's access token, so they are fetched through the API client (common/BlobImage).

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
  const load = async () => {
    const target = parts(url);
    if (!target) return undefined;
    return blobOf(
      await api.GET("/api/v1/media/{id}", {
        params: { path: { id: target.id }, query: { dialog: target.dialog, sig: target.sig } },
        parseAs: "blob",
      }),
    );
  };
  return (
    <BlobImage
      load={load}
      source={url}
      alt={alt}
      class="msg-image"
      unavailable={t("chat.imageUnavailable")}
      missingClass="msg-media-missing"
      loadingClass="msg-media-loading"
    />
  );
}
