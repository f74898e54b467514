import type { ChatNewMessages } from "./en";

/** {'th': 'Thai', 'id': 'Indonesian', 'ms': 'Malay', 'fil': 'Filipino', 'vi': 'Vietnamese'} words of /chat/new and of a session signed out from another device. */
export const chatNewId: ChatNewMessages = {
  "chatNew.link": "Cari orang dengan nomor telepon",
  "chatNew.title": "Obrolan baru",
  "chatNew.intro":
    "Masukkan nomor telepon yang dipakai orang itu untuk masuk. Periksa namanya sebelum memulai obrolan.",
  "chatNew.country": "Negara",
  "chatNew.phone": "Nomor telepon",
  "chatNew.phoneHint": "Misalnya {national} atau {international}",
  "chatNew.find": "Cari",
  "chatNew.finding": "Mencari…",
  "chatNew.found": "Orang ditemukan",
  "chatNew.start": "Mulai obrolan dengan {name}",
  "chatNew.starting": "Membuka obrolan…",
  "chatNew.back": "Kembali ke daftar obrolan",
  "session.revokedElsewhere":
    "Anda telah keluar karena perangkat ini dikeluarkan dari perangkat lain. Masuk lagi untuk melanjutkan.",
  "session.signInAgain": "Masuk lagi",
  "session.dismiss": "Tutup",
};
