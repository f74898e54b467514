import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../../i18n";

// Private pictures (chat uploads, a return's photos) answer only with the reader's access token,
// which an <img src> cannot send. The bytes are fetched through the API client (it adds the token)
// and shown from a blob: URL, released when the picture goes away.

export interface BlobImageProps {
  /** Fetches the picture; undefined (or a throw) when it cannot be had. */
  load: () => Promise<Blob | undefined>;
  /** What changes the picture (its url or ids): a new key fetches again. */
  source: string;
  alt: string;
  class: string;
  /** Shown instead when the picture cannot be loaded. */
  unavailable: string;
  missingClass?: string;
  loadingClass?: string;
}

export function BlobImage(props: BlobImageProps) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  // Fetched again when `source` (the picture's url) changes; `load` is a new closure each render.
  useEffect(() => {
    let objectUrl: string | null = null;
    let alive = true;
    setFailed(false);
    props
      .load()
      .then((blob) => {
        if (!alive) return;
        if (!blob) return setFailed(true);
        objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl);
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [props.source]);
  if (failed) return <span class={props.missingClass}>{props.unavailable}</span>;
  if (!src) return <span class={props.loadingClass} role="status" aria-label={t("app.loading")} />;
  return <img class={props.class} src={src} alt={props.alt} loading="lazy" />;
}

/** The blob of an API client answer `{ data, response }` read with `parseAs: "blob"`, if it is one. */
export function blobOf({ data, response }: { data?: unknown; response: Response }): Blob | undefined {
  return response.ok && data instanceof Blob ? data : undefined;
}
