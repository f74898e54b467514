import { useState } from "preact/hooks";
import { ApiProblem, api, type Schemas, unwrap } from "../../api/client";
import { attemptKey, finishAttempt } from "../../api/idempotency";
import { type I18n, useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";
import type { Order } from "./order-api";
import { PickupAction } from "./Pickup";

type Tracking = Schemas["Tracking"];
type TrackingEvent = Schemas["TrackingEvent"];
type Courier = Schemas["Courier"];
type TrackingDetail = Schemas["TrackingDetail"];

const STATUS_TEXT: Record<Tracking["status"], MessageKey> = {
  booked: "logistics.status.booked",
  picked_up: "logistics.status.picked_up",
  in_transit: "logistics.status.in_transit",
  out_for_delivery: "logistics.status.out_for_delivery",
  delivered: "logistics.status.delivered",
  failed: "logistics.status.failed",
  returned: "logistics.status.returned",
  cancelled: "logistics.status.cancelled",
};

/** Our own sentence under a step (the event's `detail`), in the reader's language. */
const DETAIL_TEXT: Record<TrackingDetail, MessageKey> = {
  picked_up_by_courier: "logistics.detail.picked_up_by_courier",
  at_branch: "logistics.detail.at_branch",
  left_branch: "logistics.detail.left_branch",
  held: "logistics.detail.held",
  on_the_way_again: "logistics.detail.on_the_way_again",
  on_the_way_again_after_problem: "logistics.detail.on_the_way_again_after_problem",
  with_courier: "logistics.detail.with_courier",
  at_hub: "logistics.detail.at_hub",
  between_hubs: "logistics.detail.between_hubs",
  being_sorted: "logistics.detail.being_sorted",
  on_the_way_to_recipient: "logistics.detail.on_the_way_to_recipient",
  out_for_delivery: "logistics.detail.out_for_delivery",
  cash_to_collect: "logistics.detail.cash_to_collect",
  delivery_attempt_failed: "logistics.detail.delivery_attempt_failed",
  delivered_to_recipient: "logistics.detail.delivered_to_recipient",
  being_returned: "logistics.detail.being_returned",
  waiting_to_return: "logistics.detail.waiting_to_return",
  closed_undelivered: "logistics.detail.closed_undelivered",
  lost_or_damaged: "logistics.detail.lost_or_damaged",
  lost: "logistics.detail.lost",
  damaged: "logistics.detail.damaged",
  returned_to_shop: "logistics.detail.returned_to_shop",
};

/**
 * The order's parcel, asked for only once the order carries its tracking number (booking ships the
 * order with it, cancelling takes it off): an order with no parcel is not a question, so its page
 * makes no request that answers 404. A number marked by hand without a booking is still 404: none.
 */
async function loadTracking(order: Order): Promise<Tracking | null> {
  if (!order.shipping.trackingNumber) return null;
  try {
    return await unwrap(api.GET("/api/v1/orders/{id}/tracking", { params: { path: { id: order.id } } }));
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 404) return null;
    throw err;
  }
}

/**
 * Shipping on the order page: everyone who sees the order sees its tracking timeline; the shop's
 * owner (`owner`) also books a courier for a paid order, prints the label and cancels before pickup.
 */
export function Shipping({ order, owner, onChanged }: { order: Order; owner: boolean; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const [loaded, reload] = useApi(() => loadTracking(order), [order.id, order.status, order.shipping.trackingNumber]);
  const tracking = loaded.state === "ready" ? loaded.data : null;
  const live = tracking && tracking.status !== "cancelled" ? tracking : null;
  const canBook = owner && !live && (order.status === "paid" || order.status === "processing");
  return (
    <section aria-labelledby="shipping-title" class="shipping">
      <h2 id="shipping-title">{t("logistics.title")}</h2>
      {loaded.state === "error" && <ProblemNotice problem={loaded.problem} onRetry={reload} />}
      {canBook && (
        <BookCourier
          order={order}
          // The order comes back shipped with the parcel's tracking number, and the tracking follows it.
          onBooked={onChanged}
        />
      )}
      {!tracking && !canBook && loaded.state === "ready" && <p class="status">{t("logistics.none")}</p>}
      {tracking && (
        <>
          <p>
            {t("logistics.trackingNumber")}: <strong data-testid="tracking-number">{tracking.trackingNumber}</strong> ·{" "}
            {tracking.courier} · {t(STATUS_TEXT[tracking.status])}
          </p>
          {owner && live && (
            <LabelActions
              shipmentId={tracking.shipmentId}
              booked={live.status === "booked"}
              onCancelled={() => {
                reload();
                onChanged();
              }}
            />
          )}
          <h3>{t("logistics.tracking")}</h3>
          <ol class="timeline" data-testid="tracking-timeline">
            {tracking.events.map((e, i) => (
              <li key={`${e.status}-${e.at}-${i}`}>
                <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
                <span>{t(STATUS_TEXT[e.status])}</span>
                {stepWords(e, t) && <span class="status">{stepWords(e, t)}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/**
 * What is said about a step, under its name in the reader's language. Where the sentence is ours
 * (a detail: Flash's and GHN's codes, Biteship's status without a note), its detail in that language;
 * a courier's own words and place, as given. The booking and its cancellation are ours, not the
 * courier's (couriers report only the steps after booking), and the sandbox courier says nothing of
 * its own, so those lines are the step's name alone rather than an English sentence on a Thai page.
 * Events stored before details were kept carry none, and read as they always did.
 */
function stepWords(e: TrackingEvent, t: I18n["t"]): string {
  if (e.status === "booked" || e.status === "cancelled") return e.location ?? "";
  const said = e.detail ? t(DETAIL_TEXT[e.detail]) : e.description;
  return [said, e.location].filter(Boolean).join(" · ");
}

function BookCourier({ order, onBooked }: { order: Order; onBooked: () => void }) {
  const { t, fmt } = useI18n();
  const country = order.shippingAddress?.country;
  const [couriers] = useApi(
    async () =>
      (await unwrap(api.GET("/api/v1/couriers", { params: { query: country ? { country } : {} } }))).items as Courier[],
    [country],
  );
  const [choice, setChoice] = useState<{ courier: string; service: string } | null>(null);
  const { busy, problem, run } = useAction();
  const cod = order.paymentStatus !== "paid";
  if (couriers.state !== "ready") return null;
  const options = couriers.data.flatMap((c) =>
    c.services
      .filter((s) => !cod || s.cod)
      .map((s) => ({ courier: c.id, service: s.code, label: `${c.name} · ${s.name}` })),
  );
  // Start from the delivery the buyer chose and paid for, where it can be booked here.
  const chosen = order.shipping.book;
  const paidFor = chosen && options.find((o) => o.courier === chosen.courier && o.service === chosen.service);
  const first = paidFor ?? options[0];
  const selected = choice ?? (first ? { courier: first.courier, service: first.service } : null);
  const book = async (event: Event) => {
    event.preventDefault();
    if (!selected) return;
    await run(async () => {
      const scope = `ship:${order.id}`;
      await unwrap(
        api.POST("/api/v1/orders/{id}/shipments", {
          params: { path: { id: order.id } },
          body: selected,
          headers: { "Idempotency-Key": attemptKey(scope, JSON.stringify(selected)) },
        }),
      );
      finishAttempt(scope);
      onBooked();
    });
  };
  return (
    <form class="book-courier" onSubmit={book}>
      {cod && <p class="status">{t("logistics.codCollect", { amount: fmt.money(order.total) })}</p>}
      <p class="status buyer-choice">
        {t("logistics.buyerChose", { option: `${order.shipping.courier} · ${order.shipping.service}` })}
      </p>
      <label for="courier-service">{t("logistics.courier")}</label>
      <select
        id="courier-service"
        value={selected ? `${selected.courier}/${selected.service}` : ""}
        onChange={(e) => {
          const [courier, service] = (e.currentTarget as HTMLSelectElement).value.split("/");
          setChoice({ courier, service });
        }}
      >
        {options.map((o) => (
          <option key={`${o.courier}/${o.service}`} value={`${o.courier}/${o.service}`}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || !selected} aria-busy={busy}>
        {busy ? t("logistics.booking") : t("logistics.book")}
      </button>
      {problem && <ProblemNotice problem={problem} />}
    </form>
  );
}

/** The label needs the owner's Bearer token, which a plain link would not send: fetched, then opened from memory. */
function LabelActions({
  shipmentId,
  booked,
  onCancelled,
}: {
  shipmentId: string;
  booked: boolean;
  onCancelled: () => void;
}) {
  const { t } = useI18n();
  const { busy, running, problem, run } = useAction<"label" | "cancel">();
  const label = () => {
    const tab = window.open("", "_blank");
    run(async () => {
      try {
        const pdf = await unwrap(
          api.GET("/api/v1/shipments/{id}/label", { params: { path: { id: shipmentId } }, parseAs: "blob" }),
        );
        const url = URL.createObjectURL(new Blob([pdf as Blob], { type: "application/pdf" }));
        if (tab) tab.location.href = url;
        else window.location.href = url;
      } catch (err) {
        tab?.close();
        throw err;
      }
    }, "label");
  };
  const cancel = () => {
    if (!window.confirm(t("logistics.cancelConfirm"))) return;
    run(async () => {
      await unwrap(api.POST("/api/v1/shipments/{id}/cancel", { params: { path: { id: shipmentId } } }));
      onCancelled();
    }, "cancel");
  };
  return (
    <div class="actions">
      {booked && <PickupAction shipmentId={shipmentId} />}
      <button type="button" onClick={label} disabled={busy} aria-busy={running === "label"} data-testid="print-label">
        {t("logistics.label")}
      </button>
      {booked && (
        <button type="button" class="danger" onClick={cancel} disabled={busy} aria-busy={running === "cancel"}>
          {running === "cancel" ? t("logistics.cancelling") : t("logistics.cancel")}
        </button>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </div>
  );
}
