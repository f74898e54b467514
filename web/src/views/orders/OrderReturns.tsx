import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { BlobImage, blobOf } from "../common/BlobImage";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";
import type { Order } from "./order-api";

export type Return = Schemas["Return"];

/** Photos go up first (POST /api/v1/media, raw bytes, private to the buyer); their ids go with the return. */
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

/** The return's photos, private to its buyer and its shop's owner: fetched with the access token. */
function ReturnPhotos({ ret }: { ret: Return }) {
  const { t } = useI18n();
  if (ret.photos.length === 0) return null;
  return (
    <ul class="return-photos" aria-label={t("returns.photoList")}>
      {ret.photos.map((photo, i) => (
        <li key={photo.id}>
          <BlobImage
            load={async () =>
              blobOf(
                await api.GET("/api/v1/returns/{id}/photos/{mediaId}", {
                  params: { path: { id: ret.id, mediaId: photo.id } },
                  parseAs: "blob",
                }),
              )
            }
            source={photo.url}
            alt={t("returns.photo", { n: i + 1 })}
            class="return-photo"
            unavailable={t("returns.photoUnavailable")}
            loadingClass="return-photo"
          />
        </li>
      ))}
    </ul>
  );
}

/** A return's status and refund, with the shop's note and the buyer's photos. */
export function ReturnCard({ ret }: { ret: Return }) {
  const { t, fmt } = useI18n();
  return (
    <li class="line" data-testid="return">
      <div class="line-body">
        <span>{ret.items.map((i) => `${i.quantity} × ${i.name}`).join(", ")}</span>
        <span class="status" data-testid="return-status">
          {t(`returns.status.${ret.status}`)}
        </span>
        {ret.note && <span class="status">{t("returns.note", { note: ret.note })}</span>}
        <ReturnPhotos ret={ret} />
      </div>
      <span class="line-total">{t("returns.refund", { amount: fmt.money(ret.refundAmount) })}</span>
    </li>
  );
}

/** The buyer's returns of a delivered order, and the form to ask for one (items, reason, photos). */
export function OrderReturns({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const { t } = useI18n();
  const [loaded, reload] = useApi(
    () => unwrap(api.GET("/api/v1/orders/{id}/returns", { params: { path: { id: order.id } } })),
    [order.id, order.status],
  );
  const [open, setOpen] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reason, setReason] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const { busy, problem, run } = useAction();
  const returns = loaded.state === "ready" ? loaded.data.items : [];
  const key = (i: { productId: string; variantId?: string }) => `${i.productId}:${i.variantId ?? ""}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      const mediaIds = await Promise.all(files.map(upload));
      const items = order.items
        .filter((i) => (quantities[key(i)] ?? 0) > 0)
        .map((i) => ({
          productId: i.productId,
          ...(i.variantId ? { variantId: i.variantId } : {}),
          quantity: quantities[key(i)],
        }));
      await unwrap(
        api.POST("/api/v1/orders/{id}/returns", {
          params: { path: { id: order.id }, header: { "Idempotency-Key": crypto.randomUUID() } },
          body: { items, reason, ...(mediaIds.length ? { mediaIds } : {}) },
        } as never),
      );
      setOpen(false);
      reload();
      onChanged();
    });
  };
  if (order.status !== "delivered" && returns.length === 0) return null;
  return (
    <section aria-labelledby="returns-title">
      <h2 id="returns-title">{t("returns.title")}</h2>
      {returns.length > 0 && (
        <ul class="lines">
          {returns.map((r) => (
            <ReturnCard key={r.id} ret={r} />
          ))}
        </ul>
      )}
      {order.status === "delivered" && !open && (
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {t("returns.start")}
        </button>
      )}
      {open && (
        <form onSubmit={submit} class="stack">
          <fieldset>
            <legend>{t("returns.pick")}</legend>
            {order.items.map((i) => (
              <label key={key(i)}>
                {t("returns.quantity", { name: i.name })}
                <input
                  type="number"
                  min={0}
                  max={i.quantity}
                  value={quantities[key(i)] ?? 0}
                  onInput={(e) =>
                    setQuantities({ ...quantities, [key(i)]: Number((e.target as HTMLInputElement).value) })
                  }
                />
              </label>
            ))}
          </fieldset>
          <label>
            {t("returns.reason")}
            <textarea
              required
              maxLength={1000}
              value={reason}
              onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
            />
          </label>
          <label>
            {t("returns.photos")}
            <input
              type="file"
              accept="image/*"
              multiple
              onChange={(e) => setFiles([...((e.target as HTMLInputElement).files ?? [])].slice(0, 10))}
            />
          </label>
          {problem && <ProblemNotice problem={problem} />}
          <div class="actions">
            <button type="submit" disabled={busy} aria-busy={busy}>
              {busy ? t("returns.sending") : t("returns.submit")}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen(false)} disabled={busy}>
              {t("returns.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
