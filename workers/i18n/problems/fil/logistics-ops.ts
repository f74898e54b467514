import type { ProblemTranslations } from "../types";

/** Filipino problem details of COD remittances and pickups, keyed by the English template. */
export const logisticsOps: ProblemTranslations = {
  "There is no courier {0} here.": "Walang courier na {0} dito.",
  "Every item of one remittance must be in the same currency.":
    "Dapat nasa iisang currency ang bawat item ng isang remittance.",
  "This remittance changed while it was recorded. Read it again.":
    "Nagbago ang remittance na ito habang itinatala. Basahin itong muli.",
  "The remittance {0} of {1} is already recorded with other items. Record a correction under a new reference.":
    "Naitala na ang remittance na {0} ng {1} na may ibang mga item. Magtala ng pagwawasto sa ilalim ng bagong reference.",
  "The report covers at most {0} parcels. Ask for a later since, or for one courier.":
    "Hanggang {0} parcel lang ang saklaw ng report. Humingi ng mas huling since, o para sa isang courier lang.",
  "There is no remittance with this id.": "Walang remittance na may ganitong id.",
  "The parcel is {0}, so there is nothing for the courier to pick up. Book a courier again if it must still go.":
    "Ang parcel ay {0}, kaya walang kukunin ang courier. Mag-book muli ng courier kung kailangan pa itong ipadala.",
  "There is no order for this shipment.": "Walang order para sa shipment na ito.",
  "The courier {0} takes no pickup requests. Hand the parcel in at one of its drop-off points.":
    "Hindi tumatanggap ang courier na {0} ng mga pickup request. Ihatid ang parcel sa isa sa mga drop-off point nito.",
  "The courier did not confirm the pickup. Try again in a few minutes.":
    "Hindi pa kinukumpirma ng courier ang pickup. Subukang muli pagkalipas ng ilang minuto.",
};
