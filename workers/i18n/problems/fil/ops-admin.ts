import type { ProblemTranslations } from "../types";

/** Problem details of the operators' admin API (users, payments), keyed by the English template. */
export const opsAdmin: ProblemTranslations = {
  "Search by one exact value: a phone number in international form such as +66812345678 (or a national number with its country), an email address, or a user id starting with usr_.":
    "Maghanap gamit ang isang eksaktong halaga: numero ng telepono sa internasyonal na anyo gaya ng +66812345678 (o lokal na numero kasama ang bansa nito), email address, o user id na nagsisimula sa usr_.",
  "This payment was never paid, so there is nothing to refund.":
    "Hindi kailanman nabayaran ang bayad na ito, kaya walang maire-refund.",
  "A cash-on-delivery payment was paid in cash to the courier: refund it to the buyer's wallet or by bank transfer instead.":
    "Ang cash-on-delivery na bayad ay ibinigay nang cash sa courier: i-refund ito sa wallet ng mamimili o sa bank transfer.",
  "At most {0} of this payment can still be refunded. Enter an amount up to that.":
    "Hanggang {0} na lang ng bayad na ito ang maaari pang i-refund. Maglagay ng halagang hindi lalampas doon.",
  "The amount is not in the payment's currency. Give it in the payment's currency.":
    "Ang halaga ay wala sa currency ng bayad. Ibigay ito sa currency ng bayad.",
  "Enter an amount above zero.": "Maglagay ng halagang higit sa zero.",
  "This refund is being made right now. Look at the payment again in a minute.":
    "Ginagawa na ngayon ang refund na ito. Tingnan muli ang bayad pagkalipas ng isang minuto.",
  "The payment gateway did not accept the refund. Nothing was refunded; try again with the same Idempotency-Key.":
    "Hindi tinanggap ng payment gateway ang refund. Walang na-refund; subukang muli gamit ang parehong Idempotency-Key.",
};
