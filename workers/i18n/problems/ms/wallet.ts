import type { ProblemTranslations } from "../types";

/** Malay problem details of the wallet and transfers, keyed by the English template. */
export const wallet: ProblemTranslations = {
  "One transfer may be at most {0} at your verification level. Send less.":
    "Satu pemindahan paling banyak {0} pada tahap pengesahan anda. Hantar kurang.",
  "You can send {0} in any 24 hours; {1} of it remains now.":
    "Anda boleh menghantar {0} dalam mana-mana 24 jam; bakinya sekarang {1}.",
  "The recipient's wallet cannot hold this amount now (its balance limit). Nothing was sent; send less or ask them to make room.":
    "Dompet penerima tidak dapat menyimpan jumlah ini sekarang (had bakinya). Tiada apa-apa dihantar; hantar kurang atau minta penerima mengosongkan ruang.",
  "Your wallet has {0} available, less than this transfer. Top up or send less.":
    "Dompet anda mempunyai {0} yang tersedia, kurang daripada pemindahan ini. Tambah nilai atau hantar kurang.",
  "Your wallet is restricted: it can receive money but not send it. Contact support to lift the restriction.":
    "Dompet anda disekat: ia boleh menerima wang tetapi tidak boleh menghantar. Hubungi sokongan untuk menarik balik sekatan.",
  "This Idempotency-Key already started a transfer to another recipient, amount or note. Use a new key for a new transfer.":
    "Idempotency-Key ini sudah memulakan pemindahan kepada penerima, jumlah atau nota lain. Gunakan kunci baharu untuk pemindahan baharu.",
  "You cannot send money to yourself. Choose another recipient.":
    "Anda tidak boleh menghantar wang kepada diri sendiri. Pilih penerima lain.",
  "There is no active account with this user id. Check the recipient.":
    "Tiada akaun aktif dengan id pengguna ini. Semak penerima.",
  "No active account uses this phone number. Check the number, or ask the person to sign up first.":
    "Tiada akaun aktif yang menggunakan nombor telefon ini. Semak nombor itu, atau minta orang itu mendaftar dahulu.",
  "There is no wallet transaction with this id in your wallet.":
    "Tiada transaksi dompet dengan id ini dalam dompet anda.",
};
