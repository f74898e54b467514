import type { Catalog } from "./en";

/**
 * Bahasa Malaysia account messages. Malay nouns do not inflect for number, so plurals use only
 * `other`. SMS bodies stay within the GSM-7 alphabet.
 */
export const ms: Catalog = {
  otp_code: {
    sms: "{appName}: kod log masuk anda ialah {code}. Sah selama {minutes, plural, other {# minit}}. Jangan kongsi kod ini dengan sesiapa.",
    email: {
      subject: "Kod log masuk {appName} anda ialah {code}",
      body:
        "Kod log masuk {appName} anda ialah:\n\n{code}\n\n" +
        "Kod ini sah selama {minutes, plural, other {# minit}}. Jangan kongsi kod ini dengan sesiapa, " +
        "termasuk kakitangan {appName}. Kami tidak akan sekali-kali memintanya daripada anda.\n\n" +
        "Jika anda tidak cuba log masuk, abaikan e-mel ini.",
    },
  },
  welcome: {
    sms: "Selamat datang ke Tchat, {name}! Akaun anda sudah sedia untuk digunakan.",
    email: {
      subject: "Selamat datang ke Tchat, {name}!",
      body:
        "Hai {name},\n\nSelamat datang ke Tchat! Akaun anda sudah sedia untuk digunakan. " +
        "Bersembang dengan rakan, terokai kedai dan bayar dengan selamat, semuanya dalam satu aplikasi.\n\n" +
        "Pasukan Tchat",
    },
  },
  new_device: {
    sms:
      "Tchat: log masuk baharu melalui {device} ({platform, select, ios {iOS} android {Android} web {pelayar web} other {{platform}}}) " +
      "pada {time, date, medium}, {time, time, short}. Bukan anda? Log keluar semua sesi di Tetapan dan tukar kata laluan.",
    email: {
      subject: "Log masuk baharu ke akaun Tchat anda",
      body:
        "Peranti baharu baru sahaja log masuk ke akaun Tchat anda:\n\n" +
        "Peranti: {device}\n" +
        "Platform: {platform, select, ios {iOS} android {Android} web {Pelayar web} other {{platform}}}\n" +
        "Masa: {time, date, medium} {time, time, short}\n\n" +
        "Jika itu anda, tiada tindakan diperlukan. Jika bukan, pergi ke Tetapan > Peranti, batalkan semua " +
        "sesi yang anda tidak kenali dan tukar kata laluan anda dengan segera.",
    },
  },
  password_reset: {
    sms:
      "Tchat: tetapkan semula kata laluan di {link} Pautan hanya boleh digunakan sekali dan sah selama " +
      "{minutes, plural, other {# minit}}. Jika anda tidak memintanya, abaikan mesej ini.",
    email: {
      subject: "Tetapkan semula kata laluan Tchat anda",
      body:
        "Kami menerima permintaan untuk menetapkan semula kata laluan akaun Tchat anda.\n\n" +
        "Tetapkan semula kata laluan: {link}\n\n" +
        "Pautan ini hanya boleh digunakan sekali dan sah selama {minutes, plural, other {# minit}}. " +
        "Jika anda tidak membuat permintaan ini, abaikan e-mel ini; kata laluan anda tidak akan berubah.",
    },
  },
  password_changed: {
    sms:
      "Tchat: kata laluan anda telah ditukar dan semua sesi anda telah dilog keluar. " +
      "Bukan anda? Hubungi khidmat sokongan Tchat dengan segera.",
    email: {
      subject: "Kata laluan Tchat anda telah ditukar",
      body:
        "Kata laluan akaun Tchat anda baru sahaja ditukar. Demi keselamatan, anda telah dilog keluar daripada " +
        "semua peranti; sila log masuk semula dengan kata laluan baharu.\n\n" +
        "Jika anda tidak membuat perubahan ini, tetapkan semula kata laluan anda sekarang dan hubungi " +
        "khidmat sokongan Tchat.",
    },
  },
  account_deleted: {
    sms:
      "Tchat: akaun anda telah dipadam dan data peribadi anda telah dihapuskan. " +
      "Rekod pesanan disimpan seperti yang dikehendaki undang-undang, tanpa data peribadi.",
    email: {
      subject: "Akaun Tchat anda telah dipadam",
      body:
        "Hai {name},\n\nAkaun Tchat anda telah dipadam seperti yang diminta. Kami telah menghapuskan data " +
        "peribadi anda dan melog keluar anda daripada semua peranti.\n\n" +
        "Rekod pesanan anda yang lalu disimpan kerana dikehendaki oleh undang-undang, tetapi tidak lagi " +
        "mengandungi sebarang data peribadi anda.\n\nTerima kasih kerana menggunakan Tchat.",
    },
  },
};
