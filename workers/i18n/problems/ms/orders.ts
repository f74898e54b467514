import type { ProblemTranslations } from "../types";

/** Malay problem details of orders, checkout, vouchers, payments and notifications, keyed by the English template. */
export const orders: ProblemTranslations = {
  "You have no notification with this id.": "Anda tiada pemberitahuan dengan ID ini.",
  "You have no push device with this id.": "Anda tiada peranti push dengan ID ini.",
  "There is no active product with this id.": "Tiada produk aktif dengan ID ini.",
  "The product is priced in {0}. Fix previousPrice.currency and send it again.":
    "Produk ini berharga dalam {0}. Betulkan previousPrice.currency dan hantar semula.",
  "The product's price now is not lower than previousPrice. Fix previousPrice.amount and send it again.":
    "Harga semasa produk tidak lebih rendah daripada previousPrice. Betulkan previousPrice.amount dan hantar semula.",
  "There is no voucher with this code.": "Tiada baucar dengan kod ini.",
  "This voucher has no expiry ahead of it. Fix voucherCode and send it again.":
    "Baucar ini tiada tarikh luput yang akan datang. Betulkan voucherCode dan hantar semula.",
  "At most {0} recipients per promotion. Fix userIds and send it again.":
    "Paling banyak {0} penerima bagi setiap promosi. Betulkan userIds dan hantar semula.",
  "Nothing exists at this address.": "Tiada apa-apa di alamat ini.",
  "At most {0} events per call (NOTIFICATIONS_BENCH_MAX_EVENTS).":
    "Paling banyak {0} acara bagi setiap panggilan (NOTIFICATIONS_BENCH_MAX_EVENTS).",
  "Resend webhooks cannot be verified here: set RESEND_WEBHOOK_SECRET (whsec_...) for this environment.":
    "Webhook Resend tidak dapat disahkan di sini: tetapkan RESEND_WEBHOOK_SECRET (whsec_...) untuk persekitaran ini.",
  "Twilio callbacks cannot be verified here: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN for this environment.":
    "Panggilan balik Twilio tidak dapat disahkan di sini: tetapkan TWILIO_ACCOUNT_SID dan TWILIO_AUTH_TOKEN untuk persekitaran ini.",
  "Twilio status callbacks are form-encoded (application/x-www-form-urlencoded).":
    "Panggilan balik status Twilio dikodkan sebagai borang (application/x-www-form-urlencoded).",
  "There is no order with this id.": "Tiada pesanan dengan ID ini.",
  "This order is not yours, nor your shop's.": "Pesanan ini bukan milik anda, dan bukan milik kedai anda.",
  "There is no order with this id. Guests: send the X-Cart-Token used at checkout.":
    "Tiada pesanan dengan ID ini. Tetamu: hantar X-Cart-Token yang digunakan semasa daftar keluar.",
  "A shipped order can no longer be cancelled; ask for a return once it arrives.":
    "Pesanan yang telah dihantar tidak boleh dibatalkan lagi; mohon pemulangan setelah ia tiba.",
  "An order that is {0} can no longer be cancelled.": "Pesanan yang berstatus {0} tidak boleh dibatalkan lagi.",
  "This checkout was interrupted and then abandoned: your items are back in your cart and nothing is reserved. Check out again with a new Idempotency-Key.":
    "Daftar keluar ini terganggu lalu dibatalkan: item anda telah dikembalikan ke troli dan tiada apa-apa yang ditempah. Daftar keluar semula dengan Idempotency-Key baharu.",
  "Your cart is empty. Add items first.": "Troli anda kosong. Tambah item dahulu.",
  "You already have {0} unpaid orders holding stock and this checkout makes {1} more; one buyer may have at most {2} open at a time. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "Anda sudah mempunyai {0} pesanan belum dibayar yang menahan stok dan daftar keluar ini menambah {1} lagi; seorang pembeli boleh mempunyai paling banyak {2} pesanan terbuka pada satu masa. Bayar atau batalkan salah satu pesanan yang belum dibayar, kemudian daftar keluar semula (dengan Idempotency-Key baharu).",
  "Your unpaid orders already hold {0} units and this checkout would hold {1} more; one buyer may hold at most {2} units in unpaid orders. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key). Or buy fewer units.":
    "Pesanan anda yang belum dibayar sudah menahan {0} unit dan daftar keluar ini akan menahan {1} lagi; seorang pembeli boleh menahan paling banyak {2} unit dalam pesanan yang belum dibayar. Bayar atau batalkan salah satu pesanan yang belum dibayar, kemudian daftar keluar semula (dengan Idempotency-Key baharu). Atau beli kurang unit.",
  "Unpaid orders checked out from your network already hold {0} orders and {1} units; at most {2} orders and {3} units may be open per IP address. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "Pesanan belum dibayar yang didaftar keluar dari rangkaian anda sudah mencecah {0} pesanan dan {1} unit; paling banyak {2} pesanan dan {3} unit boleh terbuka bagi setiap alamat IP. Bayar atau batalkan salah satu pesanan yang belum dibayar, kemudian daftar keluar semula (dengan Idempotency-Key baharu).",
  "Some items in your cart are no longer for sale. Remove them (POST /api/v1/cart/validate lists them) and check out again.":
    "Sesetengah item dalam troli anda tidak lagi dijual. Keluarkannya (POST /api/v1/cart/validate menyenaraikannya) dan daftar keluar semula.",
  "Your cart mixes currencies. Keep items of one currency and check out again.":
    "Troli anda mengandungi pelbagai mata wang. Simpan item dalam satu mata wang sahaja dan daftar keluar semula.",
  "Guests send the address inline as shippingAddress.":
    "Tetamu menghantar alamat secara terus sebagai shippingAddress.",
  "You have no saved address with this id.": "Anda tiada alamat tersimpan dengan ID ini.",
  "This checkout could not reserve its stock. Check out again.":
    "Daftar keluar ini tidak dapat menempah stoknya. Daftar keluar semula.",
  "Some items do not have enough stock left. Lower the quantities (see errors) and check out again; nothing was reserved.":
    "Sesetengah item tidak mempunyai stok yang mencukupi. Kurangkan kuantiti (lihat errors) dan daftar keluar semula; tiada apa-apa yang ditempah.",
  "Your cart is empty. Add items first (guests: send the X-Cart-Token of your cart).":
    "Troli anda kosong. Tambah item dahulu (tetamu: hantar X-Cart-Token troli anda).",
  "Guests need a contactEmail for the order confirmation.": "Tetamu memerlukan contactEmail untuk pengesahan pesanan.",
  "Another attempt with this Idempotency-Key has taken this checkout over. Retry in a moment to get its answer.":
    "Percubaan lain dengan Idempotency-Key ini telah mengambil alih daftar keluar ini. Cuba lagi sebentar lagi untuk mendapatkan jawapannya.",
  "Your open orders or the voucher changed while this checkout ran. Check out again.":
    "Pesanan terbuka atau baucar anda berubah semasa daftar keluar ini berjalan. Daftar keluar semula.",
  "Sign in, or send the X-Cart-Token you checked out with.":
    "Log masuk, atau hantar X-Cart-Token yang anda gunakan semasa daftar keluar.",
  "Only the shop's owner sees its orders.": "Hanya pemilik kedai boleh melihat pesanan kedainya.",
  "Shop {0} ships within {1} only; it cannot deliver to {2}.":
    "Kedai {0} menghantar dalam {1} sahaja; ia tidak boleh menghantar ke {2}.",
  "Shop {0} ships within its own country only; it cannot deliver to {1}.":
    "Kedai {0} menghantar dalam negaranya sendiri sahaja; ia tidak boleh menghantar ke {1}.",
  "Only the shop's owner moves an order along; buyers can cancel with POST /orders/:id/cancel.":
    "Hanya pemilik kedai boleh menggerakkan status pesanan; pembeli boleh membatalkan dengan POST /orders/:id/cancel.",
  "Shipping needs the parcel's trackingNumber (and courier).":
    "Penghantaran memerlukan trackingNumber bungkusan (dan courier).",
  "An order that is {0} cannot become {1}. Possible: {2}.":
    "Pesanan yang berstatus {0} tidak boleh menjadi {1}. Yang mungkin: {2}.",
  "An order that is {0} cannot become {1}. No further change is possible.":
    "Pesanan yang berstatus {0} tidak boleh menjadi {1}. Tiada perubahan lanjut yang mungkin.",
  "An order that is {0} cannot become {1} by the {2}. Possible: {3}.":
    "Pesanan yang berstatus {0} tidak boleh menjadi {1} oleh {2}. Yang mungkin: {3}.",
  "An order that is {0} cannot become {1} by the {2}. No further change is possible.":
    "Pesanan yang berstatus {0} tidak boleh menjadi {1} oleh {2}. Tiada perubahan lanjut yang mungkin.",
  "The order changed while this request was being handled. Read it again and retry.":
    "Pesanan telah berubah semasa permintaan ini diproses. Baca semula pesanan dan cuba lagi.",
  "This voucher code does not exist. Check the spelling.": "Kod baucar ini tidak wujud. Semak ejaannya.",
  "This voucher is not valid yet.": "Baucar ini belum sah.",
  "This voucher has expired.": "Baucar ini telah tamat tempoh.",
  "This voucher is for a shop that is not in your cart.": "Baucar ini untuk kedai yang tiada dalam troli anda.",
  "This voucher has been fully used.": "Baucar ini telah habis digunakan.",
  "This voucher is for {0} orders; your cart is in {1}.": "Baucar ini untuk pesanan dalam {0}; troli anda dalam {1}.",
  "Spend at least {0} {1} to use this voucher.": "Belanja sekurang-kurangnya {0} {1} untuk menggunakan baucar ini.",
  "You have already used this voucher as many times as allowed.":
    "Anda telah menggunakan baucar ini seberapa banyak kali yang dibenarkan.",
  "The sandbox gateway is off here. Choose stripe, midtrans, xendit or omise.":
    "Gerbang sandbox dimatikan di sini. Pilih stripe, midtrans, xendit atau omise.",
  "The {0} gateway is not available here: {1}": "Gerbang {0} tidak tersedia di sini: {1}",
  "Another payment for these orders is being started right now. Try again in a moment.":
    "Pembayaran lain untuk pesanan ini sedang dimulakan sekarang. Cuba lagi sebentar lagi.",
  "{0} cannot take {1} payments in {2}. Choose another method or gateway.":
    "{0} tidak boleh menerima pembayaran {1} dalam {2}. Pilih kaedah atau gerbang lain.",
  "The stock hold of these orders has run out; they are expiring. Check out again.":
    "Tempoh tahanan stok pesanan ini telah tamat; pesanan ini akan luput. Daftar keluar semula.",
  "A newer payment request for these orders replaced this one. Use the newer payment.":
    "Permintaan pembayaran yang lebih baharu untuk pesanan ini telah menggantikan yang ini. Gunakan pembayaran yang lebih baharu.",
  "Some of these orders do not exist or are not yours.": "Sesetengah pesanan ini tidak wujud atau bukan milik anda.",
  "Only unpaid orders can be paid, and order {0} is no longer awaiting payment.":
    "Hanya pesanan yang belum dibayar boleh dibayar, dan pesanan {0} tidak lagi menunggu pembayaran.",
  "Only unpaid orders can be paid, and orders {0} are no longer awaiting payment.":
    "Hanya pesanan yang belum dibayar boleh dibayar, dan pesanan {0} tidak lagi menunggu pembayaran.",
  "Pay for orders of one currency at a time.": "Bayar pesanan dalam satu mata wang pada satu masa.",
  "{0} gave an answer we could not read, so this payment was not started. Try again in a moment, or choose another gateway.":
    "{0} memberikan jawapan yang tidak dapat kami baca, jadi pembayaran ini tidak dimulakan. Cuba lagi sebentar lagi, atau pilih gerbang lain.",
  "{0} is not answering right now. Try again in a moment, or choose another gateway.":
    "{0} tidak memberikan respons sekarang. Cuba lagi sebentar lagi, atau pilih gerbang lain.",
  "{0} refused this payment: {1}": "{0} menolak pembayaran ini: {1}",
  "There is no payment with this id.": "Tiada pembayaran dengan ID ini.",
  "This payment is not yours.": "Pembayaran ini bukan milik anda.",
  "There is no payment with this id. Guests: send the X-Cart-Token used at checkout.":
    "Tiada pembayaran dengan ID ini. Tetamu: hantar X-Cart-Token yang digunakan semasa daftar keluar.",
  "The webhook signature is missing or wrong.": "Tandatangan webhook tiada atau salah.",
  "The event was refused: {0}. It has been logged for review.":
    "Acara ini ditolak: {0}. Ia telah direkodkan untuk semakan.",
  "Only sandbox payments can be simulated; this one is handled by its gateway.":
    "Hanya pembayaran sandbox boleh disimulasikan; pembayaran ini dikendalikan oleh gerbangnya.",
  "This payment was cancelled at the gateway (a newer payment request replaced it, or its orders ended). Pay the open payment instead.":
    "Pembayaran ini telah dibatalkan di gerbang (permintaan pembayaran yang lebih baharu menggantikannya, atau pesanannya telah tamat). Bayar pembayaran yang masih terbuka.",
  // Stripe's regional methods (PayNow, FPX, GrabPay): currency rules and the FPX bank.
  "PayNow takes only Singapore dollars (SGD). Choose another method.":
    "PayNow hanya menerima dolar Singapura (SGD). Pilih kaedah lain.",
  "FPX takes only Malaysian ringgit (MYR). Choose another method.":
    "FPX hanya menerima ringgit Malaysia (MYR). Pilih kaedah lain.",
  "GrabPay takes only Singapore dollars (SGD) or Malaysian ringgit (MYR). Choose another method.":
    "GrabPay hanya menerima dolar Singapura (SGD) atau ringgit Malaysia (MYR). Pilih kaedah lain.",
  "Only FPX payments take a bank. Leave bank out.": "Hanya pembayaran FPX yang memerlukan bank. Jangan hantar bank.",
  "Choose your bank for FPX: send bank with one of the codes the payment options list.":
    "Pilih bank anda untuk FPX: hantar bank dengan salah satu kod dalam senarai pilihan pembayaran.",
  "FPX does not know this bank. Send one of the bank codes the payment options list.":
    "FPX tidak mengenali bank ini. Hantar salah satu kod bank dalam senarai pilihan pembayaran.",
  "A delivered or completed order is refunded with its payment: POST /api/v1/admin/payments/:id/refund (an operator), or through a return.":
    "Pesanan yang telah dihantar atau selesai dibayar balik bersama pembayarannya: POST /api/v1/admin/payments/:id/refund (oleh pengendali), atau melalui pemulangan.",
};
