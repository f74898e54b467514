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
  "Biteship needs the shop's postal code: fill in the pickup address (with its five-digit kode pos) in Shop settings and book again.":
    "Kailangan ng Biteship ang postal code ng shop: punan ang pickup address (kasama ang limang-digit na postal code) sa Mga setting ng tindahan at mag-book muli.",
  "Biteship needs the recipient's five-digit postal code. Correct the order's shipping address and book again.":
    "Kailangan ng Biteship ang limang-digit na postal code ng tatanggap. Itama ang shipping address ng order at mag-book muli.",
  "The first line of the CSV must name the columns tracking_number, amount and currency, e.g. tracking_number,amount,currency.":
    "Dapat pangalanan ng unang linya ng CSV ang mga column na tracking_number, amount at currency, hal. tracking_number,amount,currency.",
  "A CSV statement names its courier and reference in the query string: ?courier=...&reference=...":
    "Pinapangalanan ng CSV statement ang courier at reference nito sa query string: ?courier=...&reference=...",
  "The CSV has no lines after its header. Add one line per parcel.":
    "Walang linya ang CSV pagkatapos ng header nito. Magdagdag ng isang linya bawat parcel.",
  "A CSV statement holds at most {0} lines. Split it into statements under their own references.":
    "Hanggang {0} linya lamang ang isang CSV statement. Hatiin ito sa mga statement na may sariling reference.",
  "Some lines of the CSV are refused, so nothing was recorded. Fix the lines listed in errors and send the file again.":
    "May mga linya ng CSV na tinanggihan, kaya walang naitala. Ayusin ang mga linyang nakalista sa errors at ipadala muli ang file.",
};
