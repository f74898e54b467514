import type { Catalog } from "./en";

/**
 * Indonesian account messages (formal "Anda"). Indonesian nouns do not inflect for number, so
 * plurals use only `other`. SMS bodies stay within the GSM-7 alphabet.
 */
export const id: Catalog = {
  otp_code: {
    sms: "{appName}: kode masuk Anda {code}. Berlaku {minutes, plural, other {# menit}}. Jangan berikan kode ini kepada siapa pun.",
    email: {
      subject: "Kode masuk {appName} Anda: {code}",
      body:
        "Kode masuk {appName} Anda:\n\n{code}\n\n" +
        "Kode ini berlaku selama {minutes, plural, other {# menit}}. Jangan berikan kode ini kepada siapa pun, " +
        "termasuk staf {appName}. Kami tidak akan pernah memintanya.\n\n" +
        "Jika Anda tidak mencoba masuk, abaikan email ini.",
    },
  },
  welcome: {
    sms: "Selamat datang di Tchat, {name}! Akun Anda sudah siap digunakan.",
    email: {
      subject: "Selamat datang di Tchat, {name}!",
      body:
        "Halo {name},\n\nSelamat datang di Tchat! Akun Anda sudah siap digunakan. " +
        "Mengobrol dengan teman, menjelajahi toko, dan membayar dengan aman, semuanya dalam satu aplikasi.\n\n" +
        "Tim Tchat",
    },
  },
  new_device: {
    sms:
      "Tchat: ada login baru di {device} ({platform, select, ios {iOS} android {Android} web {browser web} other {{platform}}}) " +
      "pada {time, date, medium} pukul {time, time, short}. Bukan Anda? Keluarkan semua sesi di Pengaturan dan ganti kata sandi.",
    email: {
      subject: "Login baru ke akun Tchat Anda",
      body:
        "Ada perangkat baru yang masuk ke akun Tchat Anda:\n\n" +
        "Perangkat: {device}\n" +
        "Platform: {platform, select, ios {iOS} android {Android} web {Browser web} other {{platform}}}\n" +
        "Waktu: {time, date, medium} {time, time, short}\n\n" +
        "Jika itu Anda, tidak ada yang perlu dilakukan. Jika bukan, buka Pengaturan > Perangkat, " +
        "cabut semua sesi yang tidak Anda kenali, lalu segera ganti kata sandi Anda.",
    },
  },
  password_reset: {
    sms:
      "Tchat: atur ulang kata sandi di {link} Tautan hanya bisa dipakai sekali dan berlaku " +
      "{minutes, plural, other {# menit}}. Jika Anda tidak memintanya, abaikan pesan ini.",
    email: {
      subject: "Atur ulang kata sandi Tchat Anda",
      body:
        "Kami menerima permintaan untuk mengatur ulang kata sandi akun Tchat Anda.\n\n" +
        "Atur ulang kata sandi: {link}\n\n" +
        "Tautan ini hanya dapat digunakan satu kali dan berlaku selama {minutes, plural, other {# menit}}. " +
        "Jika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak akan berubah.",
    },
  },
  password_changed: {
    sms:
      "Tchat: kata sandi Anda telah diubah dan Anda telah dikeluarkan dari semua sesi. " +
      "Bukan Anda? Segera hubungi dukungan Tchat.",
    email: {
      subject: "Kata sandi Tchat Anda telah diubah",
      body:
        "Kata sandi akun Tchat Anda baru saja diubah. Demi keamanan, Anda telah dikeluarkan dari semua " +
        "perangkat; silakan masuk kembali dengan kata sandi baru.\n\n" +
        "Jika Anda tidak melakukan perubahan ini, segera atur ulang kata sandi dan hubungi dukungan Tchat.",
    },
  },
  account_deleted: {
    sms:
      "Tchat: akun Anda telah dihapus beserta seluruh data pribadi Anda. " +
      "Riwayat pesanan tetap disimpan sesuai ketentuan hukum, tanpa data pribadi.",
    email: {
      subject: "Akun Tchat Anda telah dihapus",
      body:
        "Halo {name},\n\nAkun Tchat Anda telah dihapus sesuai permintaan Anda. Kami telah menghapus data " +
        "pribadi Anda dan mengeluarkan Anda dari semua perangkat.\n\n" +
        "Catatan pesanan Anda sebelumnya tetap disimpan karena diwajibkan oleh hukum, tetapi tidak lagi " +
        "memuat data pribadi Anda.\n\nTerima kasih telah menggunakan Tchat.",
    },
  },
};
