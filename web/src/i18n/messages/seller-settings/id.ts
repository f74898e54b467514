import type { SellerSettingsMessages } from "./en";

export const sellerSettingsId: SellerSettingsMessages = {
  "seller.settings": "Pengaturan toko",
  "sellerSettings.intro":
    "Nama dan deskripsi toko Anda bersifat publik. Kontak dan alamat penjemputan hanya terlihat oleh Anda dan staf platform.",
  "sellerSettings.shop": "Toko",
  "sellerSettings.name": "Nama toko",
  "sellerSettings.description": "Deskripsi",
  "sellerSettings.contact": "Kontak",
  "sellerSettings.phone": "Telepon",
  "sellerSettings.email": "Email",
  "sellerSettings.address": "Alamat usaha (satu baris)",
  "sellerSettings.pickup": "Alamat penjemputan",
  "sellerSettings.pickupHelp":
    "Tempat kurir menjemput paket Anda. Kurir seperti Flash Express dan GHN menghitung ongkir dan memesan berdasarkan kecamatan, provinsi, dan kode posnya.",
  "sellerSettings.country": "Negara: {country} (negara toko, ditetapkan saat toko dibuka)",
  "sellerSettings.street": "Jalan dan nomor",
  "sellerSettings.street2": "Gedung, lantai, unit (opsional)",
  "sellerSettings.city": "Kecamatan / kota",
  "sellerSettings.cityHint":
    "Thailand: kelurahan, distrik (Khlong Toei Nuea, Watthana). Vietnam: kelurahan, distrik (Phường Bến Nghé, Quận 1). Indonesia: kecamatan atau kota/kabupaten.",
  "sellerSettings.province": "Provinsi",
  "sellerSettings.postalCode": "Kode pos",
  "sellerSettings.pickupIncomplete":
    "Isi jalan, kecamatan, provinsi, dan kode pos alamat penjemputan, atau kosongkan semuanya.",
  "sellerSettings.save": "Simpan pengaturan",
  "sellerSettings.saving": "Menyimpan…",
  "sellerSettings.saved": "Pengaturan tersimpan.",
};
