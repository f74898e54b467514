import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";

type Shipment = Schemas["Shipment"];

/**
 * The courier's pickup of a booked parcel, for the shop's owner: asked for here, then shown as its
 * window, or as waiting for Flash Express to take it (another shop's pickup is open at Flash's
 * account: 202, and the platform places it by itself, so this is no error). Asking again while
 * waiting asks the courier again.
 */
export function PickupAction({ shipmentId }: { shipmentId: string }) {
  const { t, fmt } = useI18n();
  const [loaded] = useApi(
    () => unwrap(api.GET("/api/v1/shipments/{id}", { params: { path: { id: shipmentId } } })),
    [shipmentId],
  );
  const [answered, setAnswered] = useState<Shipment | null>(null);
  const { busy, problem, run } = useAction();
  const shipment = answered ?? (loaded.state === "ready" ? loaded.data : null);
  if (!shipment) return null;
  const pickup = shipment.pickup;
  if (pickup?.status === "requested") {
    return (
      <p class="status" data-testid="pickup">
        {t("logistics.pickup.window", { from: fmt.dateTime(pickup.from), until: fmt.dateTime(pickup.until) })}
      </p>
    );
  }
  const ask = () =>
    run(async () => {
      const path = { params: { path: { id: shipmentId } }, body: {} };
      setAnswered(await unwrap(api.POST("/api/v1/shipments/{id}/pickup", path)));
    });
  return (
    <div class="pickup">
      {pickup?.status === "waiting" && (
        <p class="status" role="status" data-testid="pickup-waiting">
          {t("logistics.pickup.waiting")}
        </p>
      )}
      <button type="button" onClick={ask} disabled={busy} aria-busy={busy}>
        {busy ? t("logistics.pickup.asking") : t("logistics.pickup.ask")}
      </button>
      {problem && <ProblemNotice problem={problem} />}
    </div>
  );
}
