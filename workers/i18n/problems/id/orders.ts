import type { ProblemTranslations } from "../types";

/** Indonesian problem details of orders, checkout, vouchers, payments and notifications, keyed by the English template. */
export const orders: ProblemTranslations = {
  "You have no notification with this id.": "Anda tidak memiliki notifikasi dengan ID ini.",
  "You have no push device with this id.": "Anda tidak memiliki perangkat push dengan ID ini.",
  "There is no active product with this id.": "Tidak ada produk aktif dengan ID ini.",
  "The product is priced in {0}. Fix previousPrice.currency and send it again.":
    "Produk ini berharga dalam {0}. Perbaiki previousPrice.currency lalu kirim lagi.",
  "The product's price now is not lower than previousPrice. Fix previousPrice.amount and send it again.":
    "Harga produk saat ini tidak lebih rendah dari previousPrice. Perbaiki previousPrice.amount lalu kirim lagi.",
  "There is no voucher with this code.": "Tidak ada voucher dengan kode ini.",
  "This voucher has no expiry ahead of it. Fix voucherCode and send it again.":
    "Voucher ini tidak memiliki tanggal kedaluwarsa yang akan datang. Perbaiki voucherCode lalu kirim lagi.",
  "At most {0} recipients per promotion. Fix userIds and send it again.":
    "Paling banyak {0} penerima per promosi. Perbaiki userIds lalu kirim lagi.",
  "Nothing exists at this address.": "Tidak ada apa pun di alamat ini.",
  "At most {0} events per call (NOTIFICATIONS_BENCH_MAX_EVENTS).":
    "Paling banyak {0} event per panggilan (NOTIFICATIONS_BENCH_MAX_EVENTS).",
  "Resend webhooks cannot be verified here: set RESEND_WEBHOOK_SECRET (whsec_...) for this environment.":
    "Webhook Resend tidak dapat diverifikasi di sini: atur RESEND_WEBHOOK_SECRET (whsec_...) untuk lingkungan ini.",
  "Twilio callbacks cannot be verified here: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN for this environment.":
    "Callback Twilio tidak dapat diverifikasi di sini: atur TWILIO_ACCOUNT_SID dan TWILIO_AUTH_TOKEN untuk lingkungan ini.",
  "Twilio status callbacks are form-encoded (application/x-www-form-urlencoded).":
    "Callback status Twilio dikirim dalam format formulir (application/x-www-form-urlencoded).",
  "There is no order with this id.": "Tidak ada pesanan dengan ID ini.",
  "This order is not yours, nor your shop's.": "Pesanan ini bukan milik Anda, dan bukan milik toko Anda.",
  "There is no order with this id. Guests: send the X-Cart-Token used at checkout.":
    "Tidak ada pesanan dengan ID ini. Untuk tamu: kirim X-Cart-Token yang digunakan saat checkout.",
  "A shipped order can no longer be cancelled; ask for a return once it arrives.":
    "Pesanan yang sudah dikirim tidak dapat dibatalkan lagi; ajukan pengembalian setelah pesanan tiba.",
  "An order that is {0} can no longer be cancelled.": "Pesanan yang berstatus {0} tidak dapat dibatalkan lagi.",
  "This checkout was interrupted and then abandoned: your items are back in your cart and nothing is reserved. Check out again with a new Idempotency-Key.":
    "Checkout ini terputus lalu dibatalkan: barang Anda sudah kembali ke keranjang dan tidak ada yang dipesan. Lakukan checkout lagi dengan Idempotency-Key baru.",
  "Your cart is empty. Add items first.": "Keranjang Anda kosong. Tambahkan barang terlebih dahulu.",
  "You already have {0} unpaid orders holding stock and this checkout makes {1} more; one buyer may have at most {2} open at a time. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "Anda sudah memiliki {0} pesanan belum dibayar yang menahan stok dan checkout ini menambah {1} lagi; satu pembeli boleh memiliki paling banyak {2} pesanan terbuka sekaligus. Bayar atau batalkan salah satu pesanan yang belum dibayar, lalu checkout lagi (dengan Idempotency-Key baru).",
  "Your unpaid orders already hold {0} units and this checkout would hold {1} more; one buyer may hold at most {2} units in unpaid orders. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key). Or buy fewer units.":
    "Pesanan Anda yang belum dibayar sudah menahan {0} unit dan checkout ini akan menahan {1} lagi; satu pembeli boleh menahan paling banyak {2} unit dalam pesanan yang belum dibayar. Bayar atau batalkan salah satu pesanan yang belum dibayar, lalu checkout lagi (dengan Idempotency-Key baru). Atau beli lebih sedikit unit.",
  "Unpaid orders checked out from your network already hold {0} orders and {1} units; at most {2} orders and {3} units may be open per IP address. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "Pesanan belum dibayar yang di-checkout dari jaringan Anda sudah mencapai {0} pesanan dan {1} unit; paling banyak {2} pesanan dan {3} unit boleh terbuka per alamat IP. Bayar atau batalkan salah satu pesanan yang belum dibayar, lalu checkout lagi (dengan Idempotency-Key baru).",
  "Some items in your cart are no longer for sale. Remove them (POST /api/v1/cart/validate lists them) and check out again.":
    "Beberapa barang di keranjang Anda sudah tidak dijual. Hapus barang tersebut (POST /api/v1/cart/validate menampilkannya) lalu checkout lagi.",
  "Your cart mixes currencies. Keep items of one currency and check out again.":
    "Keranjang Anda berisi beberapa mata uang. Sisakan barang dengan satu mata uang lalu checkout lagi.",
  "Guests send the address inline as shippingAddress.": "Tamu mengirim alamat secara langsung sebagai shippingAddress.",
  "You have no saved address with this id.": "Anda tidak memiliki alamat tersimpan dengan ID ini.",
  "This checkout could not reserve its stock. Check out again.":
    "Checkout ini tidak dapat memesan stoknya. Lakukan checkout lagi.",
  "Some items do not have enough stock left. Lower the quantities (see errors) and check out again; nothing was reserved.":
    "Beberapa barang stoknya tidak mencukupi. Kurangi jumlahnya (lihat errors) lalu checkout lagi; belum ada yang dipesan.",
  "Your cart is empty. Add items first (guests: send the X-Cart-Token of your cart).":
    "Keranjang Anda kosong. Tambahkan barang terlebih dahulu (tamu: kirim X-Cart-Token keranjang Anda).",
  "Guests need a contactEmail for the order confirmation.": "Tamu memerlukan contactEmail untuk konfirmasi pesanan.",
  "Another attempt with this Idempotency-Key has taken this checkout over. Retry in a moment to get its answer.":
    "Percobaan lain dengan Idempotency-Key ini telah mengambil alih checkout ini. Coba lagi sebentar lagi untuk mendapatkan hasilnya.",
  "Your open orders or the voucher changed while this checkout ran. Check out again.":
    "Pesanan terbuka atau voucher Anda berubah saat checkout ini berjalan. Lakukan checkout lagi.",
  "Sign in, or send the X-Cart-Token you checked out with.":
    "Silakan masuk, atau kirim X-Cart-Token yang Anda gunakan saat checkout.",
  "Only the shop's owner sees its orders.": "Hanya pemilik toko yang dapat melihat pesanan tokonya.",
  "Shop {0} ships within {1} only; it cannot deliver to {2}.":
    "Toko {0} hanya mengirim di dalam {1}; toko ini tidak dapat mengirim ke {2}.",
  "Shop {0} ships within its own country only; it cannot deliver to {1}.":
    "Toko {0} hanya mengirim di dalam negaranya sendiri; toko ini tidak dapat mengirim ke {1}.",
  "Only the shop's owner moves an order along; buyers can cancel with POST /orders/:id/cancel.":
    "Hanya pemilik toko yang dapat memproses status pesanan; pembeli dapat membatalkan dengan POST /orders/:id/cancel.",
  "Shipping needs the parcel's trackingNumber (and courier).":
    "Pengiriman memerlukan trackingNumber paket (dan courier).",
  "An order that is {0} cannot become {1}. Possible: {2}.":
    "Pesanan yang berstatus {0} tidak dapat menjadi {1}. Yang memungkinkan: {2}.",
  "An order that is {0} cannot become {1}. No further change is possible.":
    "Pesanan yang berstatus {0} tidak dapat menjadi {1}. Tidak ada perubahan lain yang memungkinkan.",
  "An order that is {0} cannot become {1} by the {2}. Possible: {3}.":
    "Pesanan yang berstatus {0} tidak dapat menjadi {1} oleh {2}. Yang memungkinkan: {3}.",
  "An order that is {0} cannot become {1} by the {2}. No further change is possible.":
    "Pesanan yang berstatus {0} tidak dapat menjadi {1} oleh {2}. Tidak ada perubahan lain yang memungkinkan.",
  "The order changed while this request was being handled. Read it again and retry.":
    "Pesanan berubah saat permintaan ini sedang diproses. Muat ulang pesanan lalu coba lagi.",
  "This voucher code does not exist. Check the spelling.": "Kode voucher ini tidak ada. Periksa ejaannya.",
  "This voucher is not valid yet.": "Voucher ini belum berlaku.",
  "This voucher has expired.": "Voucher ini sudah kedaluwarsa.",
  "This voucher is for a shop that is not in your cart.": "Voucher ini untuk toko yang tidak ada di keranjang Anda.",
  "This voucher has been fully used.": "Kuota voucher ini sudah habis.",
  "This voucher is for {0} orders; your cart is in {1}.":
    "Voucher ini untuk pesanan dalam {0}; keranjang Anda dalam {1}.",
  "Spend at least {0} {1} to use this voucher.": "Belanja minimal {0} {1} untuk menggunakan voucher ini.",
  "You have already used this voucher as many times as allowed.":
    "Anda sudah menggunakan voucher ini sebanyak yang diizinkan.",
  "The sandbox gateway is off here. Choose stripe, midtrans, xendit or omise.":
    "Gateway sandbox tidak aktif di sini. Pilih stripe, midtrans, xendit, atau omise.",
  "The {0} gateway is not available here: {1}": "Gateway {0} tidak tersedia di sini: {1}",
  "Another payment for these orders is being started right now. Try again in a moment.":
    "Pembayaran lain untuk pesanan ini sedang dimulai saat ini. Coba lagi sebentar lagi.",
  "{0} cannot take {1} payments in {2}. Choose another method or gateway.":
    "{0} tidak dapat menerima pembayaran {1} dalam {2}. Pilih metode atau gateway lain.",
  "The stock hold of these orders has run out; they are expiring. Check out again.":
    "Masa penahanan stok untuk pesanan ini sudah habis; pesanan akan kedaluwarsa. Lakukan checkout lagi.",
  "A newer payment request for these orders replaced this one. Use the newer payment.":
    "Permintaan pembayaran yang lebih baru untuk pesanan ini telah menggantikan yang ini. Gunakan pembayaran yang lebih baru.",
  "Some of these orders do not exist or are not yours.": "Beberapa pesanan ini tidak ada atau bukan milik Anda.",
  "Only unpaid orders can be paid, and order {0} is no longer awaiting payment.":
    "Hanya pesanan yang belum dibayar yang dapat dibayar, dan pesanan {0} sudah tidak menunggu pembayaran.",
  "Only unpaid orders can be paid, and orders {0} are no longer awaiting payment.":
    "Hanya pesanan yang belum dibayar yang dapat dibayar, dan pesanan {0} sudah tidak menunggu pembayaran.",
  "Pay for orders of one currency at a time.": "Bayar pesanan dengan satu mata uang dalam satu waktu.",
  "{0} gave an answer we could not read, so this payment was not started. Try again in a moment, or choose another gateway.":
    "{0} memberikan jawaban yang tidak dapat kami baca, jadi pembayaran ini belum dimulai. Coba lagi sebentar lagi, atau pilih gateway lain.",
  "{0} is not answering right now. Try again in a moment, or choose another gateway.":
    "{0} sedang tidak merespons. Coba lagi sebentar lagi, atau pilih gateway lain.",
  "{0} refused this payment: {1}": "{0} menolak pembayaran ini: {1}",
  "There is no payment with this id.": "Tidak ada pembayaran dengan ID ini.",
  "This payment is not yours.": "Pembayaran ini bukan milik Anda.",
  "There is no payment with this id. Guests: send the X-Cart-Token used at checkout.":
    "Tidak ada pembayaran dengan ID ini. Untuk tamu: kirim X-Cart-Token yang digunakan saat checkout.",
  "The webhook signature is missing or wrong.": "Tanda tangan webhook tidak ada atau salah.",
  "The event was refused: {0}. It has been logged for review.":
    "Event ditolak: {0}. Event ini telah dicatat untuk ditinjau.",
  "Only sandbox payments can be simulated; this one is handled by its gateway.":
    "Hanya pembayaran sandbox yang dapat disimulasikan; pembayaran ini ditangani oleh gateway-nya.",
  "This payment was cancelled at the gateway (a newer payment request replaced it, or its orders ended). Pay the open payment instead.":
    "Pembayaran ini dibatalkan di gateway (permintaan pembayaran yang lebih baru menggantikannya, atau pesanannya sudah berakhir). Bayar pembayaran yang masih terbuka sebagai gantinya.",
  // Stripe's regional methods (PayNow, FPX, GrabPay): currency rules and the FPX bank.
  "PayNow takes only Singapore dollars (SGD). Choose another method.":
    "PayNow hanya menerima dolar Singapura (SGD). Pilih metode lain.",
  "FPX takes only Malaysian ringgit (MYR). Choose another method.":
    "FPX hanya menerima ringgit Malaysia (MYR). Pilih metode lain.",
  "GrabPay takes only Singapore dollars (SGD) or Malaysian ringgit (MYR). Choose another method.":
    "GrabPay hanya menerima dolar Singapura (SGD) atau ringgit Malaysia (MYR). Pilih metode lain.",
  "Only FPX payments take a bank. Leave bank out.": "Hanya pembayaran FPX yang memerlukan bank. Jangan kirim bank.",
  "Choose your bank for FPX: send bank with one of the codes the payment options list.":
    "Pilih bank Anda untuk FPX: kirim bank dengan salah satu kode dari daftar opsi pembayaran.",
  "FPX does not know this bank. Send one of the bank codes the payment options list.":
    "FPX tidak mengenal bank ini. Kirim salah satu kode bank dari daftar opsi pembayaran.",
  "A delivered or completed order is refunded with its payment: POST /api/v1/admin/payments/:id/refund (an operator), or through a return.":
    "Pesanan yang sudah diterima atau selesai dikembalikan dananya bersama pembayarannya: POST /api/v1/admin/payments/:id/refund (oleh operator), atau melalui pengembalian barang.",
};
