import type { ProblemTranslations } from "../types";

/** Malay problem details of the Flash Express courier (workers/logistics/couriers/flash*.ts), keyed by the English template. */
export const couriersFlash: ProblemTranslations = {
  "Flash Express needs the shop's five-digit postal code: fill in the pickup address in Shop settings and book again.":
    "Flash Express memerlukan poskod lima digit kedai: isi alamat pengambilan dalam Tetapan kedai dan tempah semula.",
  "Flash Express needs the recipient's district, province and five-digit postal code. Correct the order's shipping address and book again.":
    "Flash Express memerlukan daerah, wilayah dan poskod lima digit penerima. Betulkan alamat penghantaran pesanan dan tempah semula.",
  "Flash Express collects cash on delivery in Thai baht only.":
    "Flash Express mengutip bayaran semasa penghantaran dalam baht Thailand sahaja.",
  "Flash Express already holds a parcel for this booking but does not give its tracking number again. Cancel that parcel in Flash Express's merchant app, then book with a new Idempotency-Key.":
    "Flash Express sudah memegang bungkusan untuk tempahan ini tetapi tidak memberikan nombor penjejakannya lagi. Batalkan bungkusan itu dalam aplikasi pedagang Flash Express, kemudian tempah dengan Idempotency-Key baharu.",
  "Flash Express could not be asked about this parcel just now. Nothing was changed.":
    "Flash Express tidak dapat ditanya tentang bungkusan ini buat masa ini. Tiada apa-apa yang diubah.",
  "Flash Express sends its courier to the shop's pickup address and needs its street, district, province and five-digit postal code. Add them to the shop's pickup address, then ask for the pickup again.":
    "Flash Express menghantar kuriernya ke alamat pengambilan kedai dan memerlukan jalan, daerah, wilayah dan poskod lima digitnya. Tambahkannya pada alamat pengambilan kedai, kemudian minta pengambilan sekali lagi.",
};
