import { useState } from "preact/hooks";
import type { Schemas } from "../../api/client";
import { useI18n } from "../../i18n";

/** The product's images: one large, the others as thumbnails that show it large; all but the first load lazily. */
export function Gallery({ images, name }: { images: Schemas["ProductImage"][]; name: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(0);
  if (images.length === 0) return <div class="gallery-main card-noimage" role="img" aria-label={t("store.noImage")} />;
  const alt = (i: number) => t("store.imageAlt", { name, n: i + 1, count: images.length });
  const current = images[Math.min(shown, images.length - 1)];
  return (
    <div class="gallery">
      <img class="gallery-main" src={current.url} alt={alt(shown)} width="480" height="480" />
      {images.length > 1 && (
        <ul class="thumbs" aria-label={t("store.images")}>
          {images.map((image, i) => (
            <li key={image.id}>
              <button type="button" aria-pressed={i === shown} aria-label={alt(i)} onClick={() => setShown(i)}>
                <img src={image.url} alt="" loading="lazy" width="64" height="64" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
