import type { ProblemTranslations } from "../types";

/** Problem details of the operators' admin API (users, payments), keyed by the English template. */
export const opsAdmin: ProblemTranslations = {
  "Search by one exact value: a phone number in international form such as +66812345678 (or a national number with its country), an email address, or a user id starting with usr_.":
    "Cari dengan satu nilai yang tepat: nombor telefon dalam bentuk antarabangsa seperti +66812345678 (atau nombor tempatan bersama negaranya), alamat e-mel, atau ID pengguna yang bermula dengan usr_.",
  "This payment was never paid, so there is nothing to refund.":
    "Pembayaran ini tidak pernah dibayar, jadi tiada apa-apa untuk dipulangkan.",
  "A cash-on-delivery payment was paid in cash to the courier: refund it to the buyer's wallet or by bank transfer instead.":
    "Pembayaran tunai semasa penghantaran dibayar secara tunai kepada kurier: pulangkan wang ke dompet pembeli atau melalui pindahan bank.",
  "At most {0} of this payment can still be refunded. Enter an amount up to that.":
    "Paling banyak {0} daripada pembayaran ini masih boleh dipulangkan. Masukkan jumlah sehingga had itu.",
  "The amount is not in the payment's currency. Give it in the payment's currency.":
    "Jumlah itu bukan dalam mata wang pembayaran. Berikan dalam mata wang pembayaran.",
  "Enter an amount above zero.": "Masukkan jumlah melebihi sifar.",
  "This refund is being made right now. Look at the payment again in a minute.":
    "Bayaran balik ini sedang dibuat sekarang. Lihat pembayaran itu semula dalam seminit.",
  "The payment gateway did not accept the refund. Nothing was refunded; try again with the same Idempotency-Key.":
    "Get laluan pembayaran tidak menerima bayaran balik. Tiada apa-apa dipulangkan; cuba lagi dengan Idempotency-Key yang sama.",
};
