import type { logisticsEn } from "./en";

/** Filipino logistics words (same keys as logisticsEn). */
export const logisticsFil: Record<keyof typeof logisticsEn, string> = {
  "logistics.title": "Pagpapadala",
  "logistics.none": "Wala pang naka-book na courier.",
  "logistics.book": "Mag-book ng courier",
  "logistics.booking": "Nagbu-book…",
  "logistics.courier": "Courier",
  "logistics.service": "Serbisyo",
  "logistics.cod": "cash on delivery",
  "logistics.codCollect": "Kokolektahin ng courier ang {amount} pagdating.",
  "logistics.label": "I-print ang label",
  "logistics.cancel": "Kanselahin ang booking",
  "logistics.cancelling": "Kinakansela…",
  "logistics.cancelConfirm": "Kanselahin ang booking na ito? Hindi pa nakukuha ng courier ang parcel.",
  "logistics.pickup.ask": "Humiling ng pickup",
  "logistics.pickup.asking": "Kinakausap ang courier…",
  "logistics.pickup.window": "Darating ang courier mula {from} hanggang {until}.",
  "logistics.pickup.waiting":
    "Hinihintay na tanggapin ng Flash ang pickup: bukas pa ang Flash pickup ng ibang tindahan. Ipapasa namin ang sa iyo sa sandaling tanggapin ito ng Flash; wala kang kailangang gawin.",
  "logistics.tracking": "Pagsubaybay",
  "logistics.trackingNumber": "Tracking number",
  "logistics.status.booked": "Naka-book",
  "logistics.status.picked_up": "Nakuha na",
  "logistics.status.in_transit": "Nasa biyahe",
  "logistics.status.out_for_delivery": "Ihahatid na",
  "logistics.status.delivered": "Naihatid",
  "logistics.status.failed": "Hindi naihatid",
  "logistics.status.returned": "Ibinalik sa shop",
  "logistics.status.cancelled": "Kinansela ang booking",
  "pay.kind.cash": "Cash on delivery",
  "timeline.paymentCollected": "Nakolekta ang cash sa paghahatid",
};
