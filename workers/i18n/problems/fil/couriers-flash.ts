import type { ProblemTranslations } from "../types";

/** Filipino problem details of the Flash Express courier (workers/logistics/couriers/flash*.ts), keyed by the English template. */
export const couriersFlash: ProblemTranslations = {
  "Flash Express needs the shop's five-digit postal code: fill in the pickup address in Shop settings and book again.":
    "Kailangan ng Flash Express ang limang-digit na postal code ng tindahan: punan ang pickup address sa Mga setting ng tindahan at mag-book muli.",
  "Flash Express needs the recipient's district, province and five-digit postal code. Correct the order's shipping address and book again.":
    "Kailangan ng Flash Express ang distrito, probinsya at limang-digit na postal code ng tatanggap. Itama ang shipping address ng order at mag-book muli.",
  "Flash Express collects cash on delivery in Thai baht only.":
    "Naniningil ang Flash Express ng cash on delivery sa Thai baht lamang.",
  "Flash Express already holds a parcel for this booking but does not give its tracking number again. Cancel that parcel in Flash Express's merchant app, then book with a new Idempotency-Key.":
    "May hawak nang parcel ang Flash Express para sa booking na ito pero hindi na nito muling ibinibigay ang tracking number. Kanselahin ang parcel na iyon sa merchant app ng Flash Express, saka mag-book gamit ang bagong Idempotency-Key.",
  "Flash Express could not be asked about this parcel just now. Nothing was changed.":
    "Hindi matanong ang Flash Express tungkol sa parcel na ito sa ngayon. Walang binago.",
  "Flash Express sends its courier to the shop's pickup address and needs its street, district, province and five-digit postal code. Add them to the shop's pickup address, then ask for the pickup again.":
    "Ipinapadala ng Flash Express ang courier nito sa pickup address ng shop at kailangan nito ang kalye, distrito, probinsya at limang-digit na postal code. Idagdag ang mga ito sa pickup address ng shop, saka humiling muli ng pickup.",
};
