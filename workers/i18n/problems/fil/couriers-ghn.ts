import type { ProblemTranslations } from "../types";

/** Filipino problem details of the GHN courier (workers/logistics/couriers/ghn.ts), keyed by the English template. */
export const couriersGhn: ProblemTranslations = {
  "GHN collects cash on delivery in Vietnamese dong only.":
    "Tumatanggap lang ang GHN ng cash on delivery sa Vietnamese dong.",
  "GHN cannot find the ward and district of the delivery address. The address needs its ward and district in the city field (for example Phường 14, Quận 10) and a Vietnamese province: choose another courier, or ask the buyer to correct the address.":
    "Hindi mahanap ng GHN ang ward at distrito ng address ng padala. Kailangang nasa city field ang ward at distrito ng address (halimbawa Phường 14, Quận 10) at may probinsya sa Vietnam: pumili ng ibang courier, o hilingin sa mamimili na itama ang address.",
  "GHN could not be asked about this order just now. Nothing was changed.":
    "Hindi matanong ang GHN tungkol sa order na ito sa ngayon. Walang binago.",
  "GHN cannot find the ward and district of the shop's pickup address. Write its ward and district (for example Phường 14, Quận 10) and its province in the shop's pickup address, then book again.":
    "Hindi mahanap ng GHN ang ward at distrito ng pickup address ng shop. Isulat ang ward at distrito nito (halimbawa Phường 14, Quận 10) at ang probinsya nito sa pickup address ng shop, saka mag-book muli.",
};
