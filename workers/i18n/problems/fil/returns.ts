import type { ProblemTranslations } from "../types";

/** Filipino problem details of returns and delivery-address changes, keyed by the English template. */
export const returns: ProblemTranslations = {
  "Only the buyer can change the delivery address.": "Ang buyer lang ang makapagpapalit ng delivery address.",
  "The order has left the shop; its delivery address can no longer change.":
    "Nakaalis na sa tindahan ang order; hindi na mapapalitan ang delivery address nito.",
  "The new address must be in the country the order ships to: its shipping and tax were priced for it. Cancel and order again to ship elsewhere.":
    "Dapat nasa bansang pinagpapadalhan ng order ang bagong address: doon nakabatay ang shipping at buwis nito. Kanselahin at mag-order muli para ipadala sa ibang lugar.",
  "There is no return with this id.": "Walang return na may ganitong id.",
  "Only the owner of the shop that sold these items can decide on this return.":
    "Ang may-ari lang ng tindahang nagbenta ng mga item na ito ang makapagpapasya sa return na ito.",
  "This order has no such item. Return only items of this order.":
    "Walang ganitong item ang order na ito. Mga item lang ng order na ito ang maibabalik.",
  "You asked to return more units than you bought and have not yet returned. Lower the quantity.":
    "Mas marami ang hinihiling mong ibalik kaysa sa binili mo at hindi pa naibabalik. Bawasan ang dami.",
  "Only the buyer of this order can ask for a return.": "Ang buyer lang ng order na ito ang makahihiling ng return.",
  "Only a delivered order can be returned, within the return window.":
    "Ang naihatid na order lang ang maibabalik, sa loob ng panahon ng pagbabalik.",
  "The return window of {0} days after delivery is over.":
    "Tapos na ang {0} araw na panahon ng pagbabalik mula nang maihatid.",
  "Some photos are not pictures you uploaded. Upload your photos with POST /api/v1/media and send their ids.":
    "May mga larawang hindi mo in-upload. I-upload ang mga larawan mo gamit ang POST /api/v1/media at ipadala ang mga id nito.",
  "Another return of this order was asked for at the same moment. Read the order's returns and try again.":
    "May isa pang return ng order na ito na hiniling sa parehong sandali. Basahin ang mga return ng order at subukang muli.",
  "This return waits for the shop's decision; it can only be approved or rejected.":
    "Hinihintay ng return na ito ang pasya ng tindahan; maaari lang itong aprubahan o tanggihan.",
  "This return was approved; it can only be marked as received.":
    "Aprubado na ang return na ito; maaari lang itong markahang natanggap.",
  "This return was rejected; it can no longer change.": "Tinanggihan na ang return na ito; hindi na ito mababago.",
  "This return was already received; its refund is on its way.":
    "Natanggap na ang return na ito; papunta na ang refund nito.",
  "This return was already received and refunded; it can no longer change.":
    "Natanggap at na-refund na ang return na ito; hindi na ito mababago.",
  "There is no such photo of a return you may see. Return photos are shown to the buyer and the shop's owner.":
    "Walang ganoong larawan ng return na maaari mong makita. Ipinapakita lang ang mga larawan ng return sa mamimili at sa may-ari ng tindahan.",
  "This photo is no longer stored: its uploader's account was erased.":
    "Hindi na nakatago ang larawang ito: binura na ang account ng nag-upload nito.",
};
