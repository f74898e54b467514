import { PICKUP_TEMPLATES } from "./pickups";
import { RETURN_TEMPLATES } from "./returns";
import type { TemplateCatalog } from "./types";

/** Indonesian notifications. Indonesian nouns do not inflect for number: plurals use `other` (and `=1`). */
export const id: TemplateCatalog = {
  "order.created": {
    title: "Pesanan {number} dibuat",
    body: "{items, plural, other {# barang}} dari {shop}, {total}. Bayar sebelum {deadline} agar pesanan tidak batal.",
    sms: "Tchat: pesanan {number} ({total}) menunggu pembayaran. Bayar sebelum {deadline} atau pesanan dibatalkan.",
    email: {
      subject: "Pesanan {number} menunggu pembayaran",
      body:
        "Terima kasih atas pesanan Anda dari {shop}.\n\n" +
        "Pesanan: {number}\nJumlah: {items, plural, other {# barang}}\nTotal: {total}\n\n" +
        "Mohon bayar sebelum {deadline}. Pesanan yang belum dibayar akan dibatalkan dan stoknya dilepas.\n\n" +
        "Lihat pesanan: {link}",
    },
    push: { title: "Pesanan {number} dibuat", body: "Bayar {total} sebelum {deadline} agar pesanan tidak batal." },
  },
  "order.paid": {
    title: "Pembayaran pesanan {number} diterima",
    body: "Kami telah menerima {total} untuk pesanan Anda dari {shop}. Toko sedang menyiapkannya.",
    sms: "Tchat: pembayaran {total} untuk pesanan {number} diterima. Toko sedang menyiapkannya.",
    email: {
      subject: "Pembayaran diterima: pesanan {number}",
      body:
        "Kami telah menerima pembayaran {total} untuk pesanan {number} dari {shop}.\n\n" +
        "Toko sedang menyiapkan pesanan Anda; kami akan memberi tahu saat dikirim.\n\n" +
        "Lihat pesanan: {link}",
    },
  },
  "seller.order_paid": {
    title: "Pesanan baru sudah dibayar {number}",
    body: "{items, plural, other {# barang}} senilai {total}. Kemas dan tandai sebagai dikirim.",
    sms: "Tchat: pesanan baru {number} sudah dibayar ({total}). Kemas dan kirim.",
    email: {
      subject: "Pesanan baru sudah dibayar {number} ({total})",
      body:
        "{shop} mendapat pesanan baru yang sudah dibayar.\n\n" +
        "Pesanan: {number}\nJumlah: {items, plural, other {# barang}}\nTotal: {total}\n\n" +
        "Kemas, lalu tandai sebagai dikirim beserta nomor resinya: {link}",
    },
    push: { title: "Pesanan baru {number}", body: "{total}, {items, plural, other {# barang}}" },
  },
  "order.shipped": {
    title: "Pesanan {number} sedang dikirim",
    body: "{shop} telah mengirim pesanan Anda dengan {courier}.{hasTracking, select, yes { Nomor resi: {tracking}.} other {}}",
    sms: "Tchat: pesanan {number} dikirim dengan {courier}.{hasTracking, select, yes { Resi: {tracking}} other {}}",
    email: {
      subject: "Pesanan {number} telah dikirim",
      body:
        "Kabar baik: {shop} telah mengirim pesanan {number} Anda dengan {courier}.\n" +
        "{hasTracking, select, yes {Nomor resi: {tracking}\n} other {}}\n" +
        "Lacak pesanan: {link}",
    },
  },
  "order.delivered": {
    title: "Pesanan {number} telah diterima",
    body: "Pesanan Anda dari {shop} telah sampai. Selamat menikmati, dan bagikan ulasan untuk pembeli lain.",
    sms: "Tchat: pesanan {number} telah sampai. Selamat menikmati!",
    email: {
      subject: "Pesanan {number} telah sampai",
      body:
        "Pesanan {number} dari {shop} telah sampai.\n\n" +
        "Semoga Anda suka. Ulasan Anda membantu pembeli lain memilih: {link}",
    },
  },
  "order.cancelled": {
    title: "Pesanan {number} dibatalkan",
    body: "Pesanan Anda dari {shop} dibatalkan.{refund, select, yes { Pembayaran {total} akan dikembalikan.} other {}}",
    sms: "Tchat: pesanan {number} dibatalkan.{refund, select, yes { {total} akan dikembalikan.} other {}}",
    email: {
      subject: "Pesanan {number} dibatalkan",
      body:
        "Pesanan {number} Anda dari {shop} dibatalkan.\n\n" +
        "{refund, select, yes {Pembayaran {total} akan dikembalikan ke metode pembayaran Anda.\n\n} other {}}" +
        "Detail pesanan: {link}",
    },
  },
  "seller.order_cancelled": {
    title: "Pesanan {number} dibatalkan",
    body: "Pesanan {number} ({total}) dibatalkan. Jangan kirim; dana pembeli dikembalikan.",
    sms: "Tchat: pesanan {number} ({total}) dibatalkan. Jangan dikirim.",
    email: {
      subject: "Pesanan {number} dibatalkan: jangan dikirim",
      body:
        "Pesanan {number} ({total}) di {shop} dibatalkan setelah dibayar. Jangan kirim pesanan ini; " +
        "dana pembeli dikembalikan.\n\nDetail pesanan: {link}",
    },
  },
  "order.refunded": {
    title: "Dana pesanan {number} dikembalikan",
    body: "Pembayaran {total} untuk pesanan Anda dari {shop} telah dikembalikan.",
    sms: "Tchat: {total} untuk pesanan {number} telah dikembalikan.",
    email: {
      subject: "Dana pesanan {number} dikembalikan",
      body:
        "Pembayaran {total} untuk pesanan {number} dari {shop} telah dikembalikan ke metode pembayaran Anda. " +
        "Mungkin perlu beberapa hari hingga terlihat.\n\nDetail pesanan: {link}",
    },
  },
  "order.expired": {
    title: "Pesanan {number} kedaluwarsa",
    body: "Pesanan Anda dari {shop} tidak dibayar tepat waktu, sehingga dibatalkan dan stoknya dilepas.",
    sms: "Tchat: pesanan {number} tidak dibayar tepat waktu dan telah dibatalkan.",
    email: {
      subject: "Pesanan {number} kedaluwarsa",
      body:
        "Pesanan {number} dari {shop} tidak dibayar tepat waktu, sehingga dibatalkan dan stoknya dilepas.\n\n" +
        "Masih mau? Tambahkan lagi ke keranjang: {link}",
    },
  },
  "payment.failed": {
    title: "Pembayaran pesanan {number} gagal",
    body:
      "Pembayaran {total}{orders, plural, =1 {} other { untuk # pesanan}} tidak berhasil. " +
      "Coba lagi atau pilih metode pembayaran lain sebelum pesanan kedaluwarsa.",
    sms: "Tchat: pembayaran {total} untuk pesanan {number} gagal. Coba lagi di aplikasi sebelum pesanan kedaluwarsa.",
    email: {
      subject: "Pembayaran pesanan {number} gagal",
      body:
        "Pembayaran {total}{orders, plural, =1 {} other { untuk # pesanan}} tidak berhasil.\n\n" +
        "Coba lagi, atau pilih metode pembayaran lain, sebelum pesanan kedaluwarsa: {link}",
    },
  },
  "seller.stock_low": {
    title: "Stok menipis: {product}",
    body:
      "{variant, select, none {} other {{variant}: }}tersisa {available, plural, =0 {0 unit} other {# unit}} " +
      "(di bawah batas {threshold, number}). Tambah stok agar tetap bisa berjualan.",
    sms: "Tchat: stok {product} menipis, tersisa {available, plural, other {#}}.",
    email: {
      subject: "Stok menipis: {product}",
      body:
        "{product}{variant, select, none {} other { ({variant})}} hampir habis: tersisa {available, plural, other {# unit}}, " +
        "di bawah batas peringatan {threshold, number}.\n\nTambah stok agar tetap bisa berjualan: {link}",
    },
  },
  "chat.message": {
    title: "{group, select, yes {{sender} di {dialog}} other {{sender}}}",
    body:
      "{count, plural, =1 {{kind, select, image {Mengirim foto} file {Mengirim file} location {Membagikan lokasi} " +
      "sticker {Mengirim stiker} card {Membagikan produk} other {Mengirim pesan untuk Anda}}} other {# pesan baru}}",
    sms: "Tchat: {count, plural, =1 {pesan baru} other {# pesan baru}} dari {sender}.",
    email: {
      subject: "{count, plural, =1 {Pesan baru} other {# pesan baru}} dari {sender}",
      body: "{sender} mengirim pesan untuk Anda{group, select, yes { di {dialog}} other {}}. Balas di Tchat: {link}",
    },
  },
  "security.alert": {
    title:
      "{alert, select, new_sign_in {Login baru ke akun Anda} password_changed {Kata sandi Anda telah diubah} " +
      "sessions_revoked {Anda telah keluar dari semua perangkat} other {Peringatan keamanan}}",
    body:
      "{alert, select, new_sign_in {{device} masuk pada {at}. Bukan Anda? Keluar dari semua sesi dan ganti kata sandi.} " +
      "password_changed {Kata sandi Anda diubah pada {at}. Bukan Anda? Segera reset dan hubungi dukungan.} " +
      "sessions_revoked {Semua sesi Anda telah dikeluarkan pada {at}.} " +
      "other {Ada perubahan pada akun Anda pada {at}. Periksa Pengaturan > Keamanan.}}",
    sms: "Tchat keamanan: {alert, select, new_sign_in {login baru dari {device} pada {at}.} password_changed {kata sandi diubah pada {at}.} other {perubahan akun pada {at}.}} Bukan Anda? Hubungi dukungan.",
    email: {
      subject: "Peringatan keamanan akun Tchat Anda",
      body:
        "{alert, select, new_sign_in {{device} masuk ke akun Anda pada {at}.} " +
        "password_changed {Kata sandi Anda diubah pada {at}.} " +
        "sessions_revoked {Semua sesi Anda telah dikeluarkan pada {at}.} other {Akun Anda berubah pada {at}.}}\n\n" +
        "Jika ini bukan Anda, amankan akun sekarang: {link}",
    },
  },
  "promotion.price_drop": {
    title: "Harga turun: {product}",
    body: "Sekarang {price}, sebelumnya {previousPrice} (hemat {percent, number}%). Beli sebelum kehabisan.",
    sms: "Tchat: {product} sekarang {price} (sebelumnya {previousPrice}).",
    email: {
      subject: "Harga turun: {product} sekarang {price}",
      body:
        "Kabar baik: {product} yang Anda lihat kini {price} (sebelumnya {previousPrice}, hemat {percent, number}%).\n\n" +
        "Lihat produk: {link}",
    },
  },
  "promotion.voucher_expiring": {
    title: "Voucher {code} segera berakhir",
    body: "Gunakan voucher {code} sebelum {expires}, setelah itu tidak berlaku lagi.",
    sms: "Tchat: voucher {code} Anda berakhir pada {expires}.",
    email: {
      subject: "Voucher {code} berakhir pada {expires}",
      body: "Voucher {code} Anda berakhir pada {expires}. Gunakan saat checkout sebelum itu: {link}",
    },
  },
  ...RETURN_TEMPLATES.id,
  ...PICKUP_TEMPLATES.id,
};
