import type { ProblemTranslations } from "../types";

/** Filipino problem details of logistics (couriers, shipments, tracking, cash on delivery), keyed by the English template. */
export const logistics: ProblemTranslations = {
  "An order that is {0} cannot be shipped. Book a courier once the order is paid (or accepted for cash on delivery).":
    "Hindi maipapadala ang order na {0}. Mag-book ng courier kapag bayad na ang order (o tinanggap para sa cash on delivery).",
  "Cash on delivery is limited to {0} {1} per payment. Pay this order another way.":
    "Ang cash on delivery ay hanggang {0} {1} lamang bawat bayad. Bayaran ang order na ito sa ibang paraan.",
  "Cash on delivery is not offered for deliveries to {0}. Choose another way to pay.":
    "Walang cash on delivery para sa mga padala sa {0}. Pumili ng ibang paraan ng pagbabayad.",
  "Cash on delivery is not offered with {0} {1}. Check out again with another delivery option, or choose another way to pay.":
    "Walang cash on delivery sa {0} {1}. Mag-checkout muli na may ibang opsyon sa pagpapadala, o pumili ng ibang paraan ng pagbabayad.",
  "Cash on delivery is not offered in {0}. Choose another way to pay.":
    "Walang cash on delivery sa {0}. Pumili ng ibang paraan ng pagbabayad.",
  "Cash on delivery takes the method cod.": "Ang cash on delivery ay gumagamit ng method na cod.",
  "No courier is booked for this order yet.": "Wala pang naka-book na courier para sa order na ito.",
  "Only parcels of the sandbox courier can be simulated; real couriers report by webhook.":
    "Ang mga parcel lamang ng sandbox courier ang maaaring i-simulate; ang mga totoong courier ay nag-uulat sa pamamagitan ng webhook.",
  "Only the shop's owner books and manages the order's shipments.":
    "Ang may-ari lamang ng shop ang nagbu-book at namamahala ng mga padala ng order.",
  "The courier did not accept the booking just now. Try again in a few minutes, or choose another courier.":
    "Hindi tinanggap ng courier ang booking sa ngayon. Subukan muli makalipas ang ilang minuto, o pumili ng ibang courier.",
  "The courier did not confirm the cancellation. Try again in a few minutes.":
    "Hindi kinumpirma ng courier ang pagkansela. Subukan muli makalipas ang ilang minuto.",
  "The courier picked the parcel up meanwhile, so the booking stands. Read the shipment again.":
    "Nakuha na ng courier ang parcel habang ginagawa ito, kaya nananatili ang booking. Basahin muli ang padala.",
  "The courier {0} does not deliver in {1}.": "Hindi naghahatid ang courier na {0} sa {1}.",
  "The courier {0} has no service {1}. Choose one of: {2}.":
    "Walang serbisyong {1} ang courier na {0}. Pumili ng isa sa: {2}.",
  "The parcel is already {0}, so the booking can no longer be cancelled. Ask the courier for a return instead.":
    "Ang parcel ay {0} na, kaya hindi na makakansela ang booking. Humiling na lang ng return sa courier.",
  "The stock hold of this order has run out. Check out again.":
    "Naubos na ang oras ng pag-hold ng stock ng order na ito. Mag-checkout muli.",
  "The webhook's signature does not match. Nothing was changed.":
    "Hindi tugma ang signature ng webhook. Walang binago.",
  "There is no courier {0} here. Choose one of: {1}.": "Walang courier na {0} dito. Pumili ng isa sa: {1}.",
  "There is no courier {0} here.": "Walang courier na {0} dito.",
  "There is no shipment with this id.": "Walang padala na may ganitong id.",
  "This order is already booked with tracking number {0}. Cancel that shipment before booking another.":
    "Naka-book na ang order na ito na may tracking number na {0}. Kanselahin muna ang padalang iyon bago mag-book ng iba.",
  "This order is paid by cash on delivery, and the service {0} of {1} does not collect cash in {2}. Choose a service that does.":
    "Ang order na ito ay cash on delivery, at ang serbisyong {0} ng {1} ay hindi tumatanggap ng cash sa {2}. Pumili ng serbisyong tumatanggap.",
  "This order was booked by another request at the same time. Read it again.":
    "Na-book ang order na ito ng ibang request sa parehong oras. Basahin itong muli.",
  "This payment changed while it was being started. Read it again.":
    "Nagbago ang bayad na ito habang sinisimulan. Basahin itong muli.",
  "This shipment's label is not stored. Ask the courier for a new one.":
    "Hindi naka-imbak ang label ng padalang ito. Humingi ng bago sa courier.",
  "The courier cannot place the shop's address: its owner fills in the pickup address (street, district, province and postal code) in Shop settings.":
    "Hindi matukoy ng courier ang address ng shop: dapat punan ng may-ari ang pickup address (kalye, distrito, probinsya at ZIP code) sa Mga setting ng shop.",
};
