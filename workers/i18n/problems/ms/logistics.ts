import type { ProblemTranslations } from "../types";

/** Malay problem details of logistics (couriers, shipments, tracking, cash on delivery), keyed by the English template. */
export const logistics: ProblemTranslations = {
  "An order that is {0} cannot be shipped. Book a courier once the order is paid (or accepted for cash on delivery).":
    "Pesanan berstatus {0} tidak boleh dihantar. Tempah kurier setelah pesanan dibayar (atau diterima untuk bayaran semasa penghantaran).",
  "Cash on delivery is limited to {0} {1} per payment. Pay this order another way.":
    "Bayaran semasa penghantaran dihadkan kepada {0} {1} bagi setiap bayaran. Bayar pesanan ini dengan cara lain.",
  "Cash on delivery is not offered for deliveries to {0}. Choose another way to pay.":
    "Bayaran semasa penghantaran tidak ditawarkan untuk penghantaran ke {0}. Pilih cara bayaran lain.",
  "Cash on delivery is not offered with {0} {1}. Check out again with another delivery option, or choose another way to pay.":
    "Tunai semasa penghantaran tidak ditawarkan dengan {0} {1}. Buat pembayaran semula dengan pilihan penghantaran lain, atau pilih cara bayaran lain.",
  "Cash on delivery is not offered in {0}. Choose another way to pay.":
    "Bayaran semasa penghantaran tidak ditawarkan dalam {0}. Pilih cara bayaran lain.",
  "Cash on delivery takes the method cod.": "Bayaran semasa penghantaran menggunakan kaedah cod.",
  "No courier is booked for this order yet.": "Belum ada kurier ditempah untuk pesanan ini.",
  "Only parcels of the sandbox courier can be simulated; real couriers report by webhook.":
    "Hanya bungkusan kurier sandbox boleh disimulasikan; kurier sebenar melapor melalui webhook.",
  "Only the shop's owner books and manages the order's shipments.":
    "Hanya pemilik kedai boleh menempah dan mengurus penghantaran pesanan.",
  "The courier did not accept the booking just now. Try again in a few minutes, or choose another courier.":
    "Kurier tidak menerima tempahan buat masa ini. Cuba lagi dalam beberapa minit, atau pilih kurier lain.",
  "The courier did not confirm the cancellation. Try again in a few minutes.":
    "Kurier tidak mengesahkan pembatalan. Cuba lagi dalam beberapa minit.",
  "The courier picked the parcel up meanwhile, so the booking stands. Read the shipment again.":
    "Kurier telah mengambil bungkusan itu sementara itu, jadi tempahan kekal. Baca semula penghantaran itu.",
  "The courier {0} does not deliver in {1}.": "Kurier {0} tidak menghantar di {1}.",
  "The courier {0} has no service {1}. Choose one of: {2}.":
    "Kurier {0} tiada perkhidmatan {1}. Pilih salah satu daripada: {2}.",
  "The parcel is already {0}, so the booking can no longer be cancelled. Ask the courier for a return instead.":
    "Bungkusan sudah berstatus {0}, jadi tempahan tidak boleh dibatalkan lagi. Minta kurier memulangkannya.",
  "The stock hold of this order has run out. Check out again.":
    "Tempoh simpanan stok pesanan ini telah tamat. Buat pembayaran semula.",
  "The webhook's signature does not match. Nothing was changed.":
    "Tandatangan webhook tidak sepadan. Tiada apa-apa yang diubah.",
  "There is no courier {0} here. Choose one of: {1}.": "Tiada kurier {0} di sini. Pilih salah satu daripada: {1}.",
  "There is no courier {0} here.": "Tiada kurier {0} di sini.",
  "There is no shipment with this id.": "Tiada penghantaran dengan id ini.",
  "This order is already booked with tracking number {0}. Cancel that shipment before booking another.":
    "Pesanan ini sudah ditempah dengan nombor penjejakan {0}. Batalkan penghantaran itu sebelum menempah yang lain.",
  "This order is paid by cash on delivery, and the service {0} of {1} does not collect cash in {2}. Choose a service that does.":
    "Pesanan ini dibayar semasa penghantaran, dan perkhidmatan {0} oleh {1} tidak mengutip tunai di {2}. Pilih perkhidmatan yang mengutipnya.",
  "This order was booked by another request at the same time. Read it again.":
    "Pesanan ini ditempah oleh permintaan lain pada masa yang sama. Baca semula.",
  "This payment changed while it was being started. Read it again.":
    "Bayaran ini berubah semasa ia dimulakan. Baca semula.",
  "This shipment's label is not stored. Ask the courier for a new one.":
    "Label penghantaran ini tidak disimpan. Minta label baharu daripada kurier.",
  "The courier cannot place the shop's address: its owner fills in the pickup address (street, district, province and postal code) in Shop settings.":
    "Kurier tidak dapat mengenal pasti alamat kedai: pemiliknya perlu mengisi alamat pengambilan (jalan, daerah, negeri dan poskod) dalam Tetapan kedai.",
};
