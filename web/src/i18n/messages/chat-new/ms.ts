import type { ChatNewMessages } from "./en";

/** {'th': 'Thai', 'id': 'Indonesian', 'ms': 'Malay', 'fil': 'Filipino', 'vi': 'Vietnamese'} words of /chat/new and of a session signed out from another device. */
export const chatNewMs: ChatNewMessages = {
  "chatNew.link": "Cari orang dengan nombor telefon",
  "chatNew.title": "Sembang baharu",
  "chatNew.intro":
    "Masukkan nombor telefon yang digunakan orang itu untuk log masuk. Semak namanya sebelum memulakan sembang.",
  "chatNew.country": "Negara",
  "chatNew.phone": "Nombor telefon",
  "chatNew.phoneHint": "Contohnya {national} atau {international}",
  "chatNew.find": "Cari",
  "chatNew.finding": "Sedang mencari…",
  "chatNew.found": "Orang ditemui",
  "chatNew.start": "Mula bersembang dengan {name}",
  "chatNew.starting": "Membuka sembang…",
  "chatNew.back": "Kembali ke senarai sembang",
  "session.revokedElsewhere":
    "Anda telah dilog keluar kerana peranti ini dilog keluar dari peranti lain. Log masuk semula untuk meneruskan.",
  "session.signInAgain": "Log masuk semula",
  "session.dismiss": "Tutup",
};
