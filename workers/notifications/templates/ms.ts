import { PICKUP_TEMPLATES } from "./pickups";
import { RETURN_TEMPLATES } from "./returns";
import type { TemplateCatalog } from "./types";

/** Malay notifications. Malay nouns do not inflect for number: plurals use `other` (and `=1`). */
export const ms: TemplateCatalog = {
  "order.created": {
    title: "Pesanan {number} dibuat",
    body: "{items, plural, other {# barang}} daripada {shop}, {total}. Bayar sebelum {deadline} untuk mengekalkan pesanan anda.",
    sms: "Tchat: pesanan {number} ({total}) menunggu bayaran. Bayar sebelum {deadline} atau pesanan akan dibatalkan.",
    email: {
      subject: "Pesanan {number} anda menunggu bayaran",
      body:
        "Terima kasih atas pesanan anda daripada {shop}.\n\n" +
        "Pesanan: {number}\nBarang: {items, plural, other {# barang}}\nJumlah: {total}\n\n" +
        "Sila bayar sebelum {deadline}. Pesanan yang tidak dibayar akan dibatalkan dan stoknya dilepaskan.\n\n" +
        "Lihat pesanan: {link}",
    },
    push: {
      title: "Pesanan {number} dibuat",
      body: "Bayar {total} sebelum {deadline} untuk mengekalkan pesanan anda.",
    },
  },
  "order.paid": {
    title: "Bayaran diterima untuk pesanan {number}",
    body: "Kami telah menerima {total} untuk pesanan anda daripada {shop}. Kedai sedang menyediakannya.",
    sms: "Tchat: bayaran {total} diterima untuk pesanan {number}. Kedai sedang menyediakannya.",
    email: {
      subject: "Bayaran diterima: pesanan {number}",
      body:
        "Kami telah menerima bayaran {total} anda untuk pesanan {number} daripada {shop}.\n\n" +
        "Kedai sedang menyediakan pesanan anda; kami akan memaklumkan apabila ia dihantar.\n\n" +
        "Lihat pesanan: {link}",
    },
  },
  "seller.order_paid": {
    title: "Pesanan baharu telah dibayar {number}",
    body: "{items, plural, other {# barang}} bernilai {total}. Bungkus dan tandakan sebagai dihantar.",
    sms: "Tchat: pesanan baharu {number} telah dibayar ({total}). Bungkus dan hantar.",
    email: {
      subject: "Pesanan baharu telah dibayar {number} ({total})",
      body:
        "{shop} menerima pesanan baharu yang telah dibayar.\n\n" +
        "Pesanan: {number}\nBarang: {items, plural, other {# barang}}\nJumlah: {total}\n\n" +
        "Bungkus, kemudian tandakan sebagai dihantar bersama nombor penjejakan: {link}",
    },
    push: { title: "Pesanan baharu {number}", body: "{total}, {items, plural, other {# barang}}" },
  },
  "order.shipped": {
    title: "Pesanan {number} dalam penghantaran",
    body: "{shop} telah menghantar pesanan anda melalui {courier}.{hasTracking, select, yes { Nombor penjejakan: {tracking}.} other {}}",
    sms: "Tchat: pesanan {number} dihantar melalui {courier}.{hasTracking, select, yes { Penjejakan: {tracking}} other {}}",
    email: {
      subject: "Pesanan {number} telah dihantar",
      body:
        "Berita baik: {shop} telah menghantar pesanan {number} anda melalui {courier}.\n" +
        "{hasTracking, select, yes {Nombor penjejakan: {tracking}\n} other {}}\n" +
        "Jejak pesanan: {link}",
    },
  },
  "order.delivered": {
    title: "Pesanan {number} telah sampai",
    body: "Pesanan anda daripada {shop} telah sampai. Selamat menikmati, dan kongsi ulasan untuk pembeli lain.",
    sms: "Tchat: pesanan {number} telah sampai. Selamat menikmati!",
    email: {
      subject: "Pesanan {number} telah sampai",
      body:
        "Pesanan {number} daripada {shop} telah sampai.\n\n" +
        "Kami harap anda menyukainya. Ulasan anda membantu pembeli lain membuat pilihan: {link}",
    },
  },
  "order.cancelled": {
    title: "Pesanan {number} dibatalkan",
    body: "Pesanan anda daripada {shop} telah dibatalkan.{refund, select, yes { Bayaran {total} anda akan dipulangkan.} other {}}",
    sms: "Tchat: pesanan {number} dibatalkan.{refund, select, yes { {total} akan dipulangkan.} other {}}",
    email: {
      subject: "Pesanan {number} dibatalkan",
      body:
        "Pesanan {number} anda daripada {shop} telah dibatalkan.\n\n" +
        "{refund, select, yes {Bayaran {total} anda akan dipulangkan melalui kaedah bayaran yang digunakan.\n\n} other {}}" +
        "Butiran pesanan: {link}",
    },
  },
  "seller.order_cancelled": {
    title: "Pesanan {number} dibatalkan",
    body: "Pesanan {number} ({total}) telah dibatalkan. Jangan hantar; pembeli menerima bayaran balik.",
    sms: "Tchat: pesanan {number} ({total}) dibatalkan. Jangan hantar.",
    email: {
      subject: "Pesanan {number} dibatalkan: jangan hantar",
      body:
        "Pesanan {number} ({total}) di {shop} dibatalkan selepas dibayar. Jangan hantar pesanan ini; " +
        "pembeli menerima bayaran balik.\n\nButiran pesanan: {link}",
    },
  },
  "order.refunded": {
    title: "Bayaran pesanan {number} dipulangkan",
    body: "Bayaran {total} anda untuk pesanan daripada {shop} telah dipulangkan.",
    sms: "Tchat: {total} untuk pesanan {number} telah dipulangkan.",
    email: {
      subject: "Bayaran pesanan {number} dipulangkan",
      body:
        "Bayaran {total} anda untuk pesanan {number} daripada {shop} telah dipulangkan melalui kaedah bayaran yang digunakan. " +
        "Ia mungkin mengambil beberapa hari untuk dipaparkan.\n\nButiran pesanan: {link}",
    },
  },
  "order.expired": {
    title: "Pesanan {number} tamat tempoh",
    body: "Pesanan anda daripada {shop} tidak dibayar tepat pada masanya, jadi ia dibatalkan dan stoknya dilepaskan.",
    sms: "Tchat: pesanan {number} tidak dibayar tepat pada masanya dan telah dibatalkan.",
    email: {
      subject: "Pesanan {number} tamat tempoh",
      body:
        "Pesanan {number} daripada {shop} tidak dibayar tepat pada masanya, jadi ia dibatalkan dan stoknya dilepaskan.\n\n" +
        "Masih mahu? Tambah semula ke troli: {link}",
    },
  },
  "payment.failed": {
    title: "Bayaran gagal untuk pesanan {number}",
    body:
      "Bayaran {total} anda{orders, plural, =1 {} other { untuk # pesanan}} tidak berjaya. " +
      "Cuba lagi atau pilih kaedah bayaran lain sebelum pesanan tamat tempoh.",
    sms: "Tchat: bayaran {total} untuk pesanan {number} gagal. Cuba lagi dalam aplikasi sebelum pesanan tamat tempoh.",
    email: {
      subject: "Bayaran untuk pesanan {number} gagal",
      body:
        "Bayaran {total} anda{orders, plural, =1 {} other { untuk # pesanan}} tidak berjaya.\n\n" +
        "Cuba lagi, atau pilih kaedah bayaran lain, sebelum pesanan tamat tempoh: {link}",
    },
  },
  "seller.stock_low": {
    title: "Stok rendah: {product}",
    body:
      "{variant, select, none {} other {{variant}: }}tinggal {available, plural, =0 {0 unit} other {# unit}} " +
      "(di bawah paras amaran {threshold, number}). Tambah stok untuk terus berjual.",
    sms: "Tchat: stok {product} rendah, tinggal {available, plural, other {#}}.",
    email: {
      subject: "Stok rendah: {product}",
      body:
        "{product}{variant, select, none {} other { ({variant})}} hampir habis: tinggal {available, plural, other {# unit}}, " +
        "di bawah paras amaran {threshold, number}.\n\nTambah stok untuk terus berjual: {link}",
    },
  },
  "chat.message": {
    title: "{group, select, yes {{sender} dalam {dialog}} other {{sender}}}",
    body:
      "{count, plural, =1 {{kind, select, image {Menghantar foto} file {Menghantar fail} location {Berkongsi lokasi} " +
      "sticker {Menghantar pelekat} card {Berkongsi produk} other {Menghantar mesej kepada anda}}} other {# mesej baharu}}",
    sms: "Tchat: {count, plural, =1 {mesej baharu} other {# mesej baharu}} daripada {sender}.",
    email: {
      subject: "{count, plural, =1 {Mesej baharu} other {# mesej baharu}} daripada {sender}",
      body: "{sender} menghantar mesej kepada anda{group, select, yes { dalam {dialog}} other {}}. Balas di Tchat: {link}",
    },
  },
  "security.alert": {
    title:
      "{alert, select, new_sign_in {Log masuk baharu ke akaun anda} password_changed {Kata laluan anda telah ditukar} " +
      "sessions_revoked {Anda telah dilog keluar di semua peranti} other {Amaran keselamatan}}",
    body:
      "{alert, select, new_sign_in {{device} log masuk pada {at}. Bukan anda? Log keluar semua sesi dan tukar kata laluan.} " +
      "password_changed {Kata laluan anda ditukar pada {at}. Bukan anda? Set semula sekarang dan hubungi sokongan.} " +
      "sessions_revoked {Semua sesi anda telah dilog keluar pada {at}.} " +
      "other {Akaun anda berubah pada {at}. Semak Tetapan > Keselamatan.}}",
    sms: "Tchat keselamatan: {alert, select, new_sign_in {log masuk baharu dari {device} pada {at}.} password_changed {kata laluan ditukar pada {at}.} other {perubahan akaun pada {at}.}} Bukan anda? Hubungi sokongan.",
    email: {
      subject: "Amaran keselamatan akaun Tchat anda",
      body:
        "{alert, select, new_sign_in {{device} log masuk ke akaun anda pada {at}.} " +
        "password_changed {Kata laluan anda ditukar pada {at}.} " +
        "sessions_revoked {Semua sesi anda telah dilog keluar pada {at}.} other {Akaun anda berubah pada {at}.}}\n\n" +
        "Jika ini bukan anda, lindungi akaun anda sekarang: {link}",
    },
  },
  "promotion.price_drop": {
    title: "Harga turun: {product}",
    body: "Kini {price}, sebelum ini {previousPrice} (jimat {percent, number}%). Dapatkan sebelum habis.",
    sms: "Tchat: {product} kini {price} (sebelum ini {previousPrice}).",
    email: {
      subject: "Harga turun: {product} kini {price}",
      body:
        "Berita baik: {product} yang anda lihat kini {price} (sebelum ini {previousPrice}, jimat {percent, number}%).\n\n" +
        "Lihat produk: {link}",
    },
  },
  "promotion.voucher_expiring": {
    title: "Baucar {code} anda akan tamat tempoh",
    body: "Gunakan baucar {code} sebelum {expires}, selepas itu ia tidak sah lagi.",
    sms: "Tchat: baucar {code} anda tamat tempoh pada {expires}.",
    email: {
      subject: "Baucar {code} tamat tempoh pada {expires}",
      body: "Baucar {code} anda tamat tempoh pada {expires}. Gunakannya semasa checkout sebelum itu: {link}",
    },
  },
  ...RETURN_TEMPLATES.ms,
  ...PICKUP_TEMPLATES.ms,
};
