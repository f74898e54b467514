import type { Locale } from "../../../schemas/platform";
import type { Template } from "./types";

/**
 * The notifications of a return's steps, in the six languages (spread into each locale's
 * catalog). One template for the buyer and one for the seller, each with a `step` select
 * (requested, approved, rejected, received, refunded). Parameters: number, shop, refundAmount (money),
 * note + hasNote (the shop's note), step, link. SMS stays within GSM-7 where the language allows.
 */
export type ReturnTemplateId = "return.update" | "seller.return_update";

export const RETURN_TEMPLATES: Record<Locale, Record<ReturnTemplateId, Template>> = {
  en: {
    "return.update": {
      title:
        "{step, select, requested {Return requested} approved {Return approved} rejected {Return rejected} received {Return received} other {Refund sent}}: order {number}",
      body: "{step, select, requested {{shop} will review your return of order {number}.} approved {{shop} approved your return. Send the items back to the shop.} rejected {{shop} rejected your return.} received {{shop} received your items. Your refund of {refundAmount} is on its way.} other {{refundAmount} was refunded to the way you paid.}}{hasNote, select, yes { Note from the shop: {note}} other {}}",
      sms: "Tchat: return for order {number}: {step, select, requested {requested} approved {approved, send the items back} rejected {rejected} received {received, refund {refundAmount} on its way} other {{refundAmount} refunded}}.",
      email: {
        subject:
          "Your return for order {number}: {step, select, requested {requested} approved {approved} rejected {rejected} received {received} other {refunded}}",
        body: "{step, select, requested {{shop} will review your return of order {number}.} approved {{shop} approved your return of order {number}. Please send the items back to the shop.} rejected {{shop} rejected your return of order {number}.} received {{shop} received the items of order {number}. Your refund of {refundAmount} is on its way.} other {{refundAmount} for order {number} was refunded to the way you paid.}}\n{hasNote, select, yes {\nNote from the shop: {note}\n} other {}}\nYour order: {link}",
      },
    },
    "seller.return_update": {
      title:
        "{step, select, requested {Return requested} approved {Return approved} rejected {Return rejected} received {Return received} other {Return refunded}}: order {number}",
      body: "{step, select, requested {The buyer of order {number} asks to return items ({refundAmount}). Approve or reject it.} approved {You approved the return of order {number}. Mark it received when the items arrive.} rejected {You rejected the return of order {number}.} received {The items of order {number} are back in stock; {refundAmount} is being refunded.} other {{refundAmount} was refunded to the buyer of order {number}.}}",
      sms: "Tchat: return for order {number} {step, select, requested {requested ({refundAmount}). Approve or reject it.} approved {approved.} rejected {rejected.} received {received.} other {refunded ({refundAmount}).}}",
      email: {
        subject:
          "Return for order {number}: {step, select, requested {requested} approved {approved} rejected {rejected} received {received} other {refunded}}",
        body: "{step, select, requested {The buyer of order {number} asks to return items worth {refundAmount}. Approve or reject the return.} approved {You approved the return of order {number}. Mark it received when the items arrive.} rejected {You rejected the return of order {number}.} received {The items of order {number} are back in stock and {refundAmount} is being refunded.} other {{refundAmount} was refunded to the buyer of order {number}.}}\n\nReturns of {shop}: {link}",
      },
    },
  },
  th: {
    "return.update": {
      title:
        "{step, select, requested {ส่งคำขอคืนสินค้าแล้ว} approved {อนุมัติการคืนสินค้าแล้ว} rejected {ปฏิเสธการคืนสินค้า} received {ร้านได้รับสินค้าคืนแล้ว} other {คืนเงินแล้ว}}: คำสั่งซื้อ {number}",
      body: "{step, select, requested {{shop} จะพิจารณาการคืนสินค้าของคำสั่งซื้อ {number}} approved {{shop} อนุมัติการคืนสินค้าแล้ว กรุณาส่งสินค้ากลับไปที่ร้าน} rejected {{shop} ปฏิเสธการคืนสินค้าของคุณ} received {{shop} ได้รับสินค้าของคุณแล้ว เงินคืน {refundAmount} กำลังดำเนินการ} other {คืนเงิน {refundAmount} ไปยังช่องทางที่คุณชำระแล้ว}}{hasNote, select, yes { หมายเหตุจากร้าน: {note}} other {}}",
      sms: "Tchat: การคืนสินค้าคำสั่งซื้อ {number}: {step, select, requested {ส่งคำขอแล้ว} approved {อนุมัติแล้ว กรุณาส่งสินค้ากลับ} rejected {ถูกปฏิเสธ} received {ร้านได้รับแล้ว กำลังคืนเงิน {refundAmount}} other {คืนเงิน {refundAmount} แล้ว}}",
      email: {
        subject:
          "การคืนสินค้าคำสั่งซื้อ {number}: {step, select, requested {ส่งคำขอแล้ว} approved {อนุมัติแล้ว} rejected {ถูกปฏิเสธ} received {ร้านได้รับแล้ว} other {คืนเงินแล้ว}}",
        body: "{step, select, requested {{shop} จะพิจารณาการคืนสินค้าของคำสั่งซื้อ {number}} approved {{shop} อนุมัติการคืนสินค้าของคำสั่งซื้อ {number} แล้ว กรุณาส่งสินค้ากลับไปที่ร้าน} rejected {{shop} ปฏิเสธการคืนสินค้าของคำสั่งซื้อ {number}} received {{shop} ได้รับสินค้าของคำสั่งซื้อ {number} แล้ว เงินคืน {refundAmount} กำลังดำเนินการ} other {คืนเงิน {refundAmount} ของคำสั่งซื้อ {number} ไปยังช่องทางที่คุณชำระแล้ว}}\n{hasNote, select, yes {\nหมายเหตุจากร้าน: {note}\n} other {}}\nคำสั่งซื้อของคุณ: {link}",
      },
    },
    "seller.return_update": {
      title:
        "{step, select, requested {มีคำขอคืนสินค้า} approved {อนุมัติการคืนสินค้าแล้ว} rejected {ปฏิเสธการคืนสินค้าแล้ว} received {ได้รับสินค้าคืนแล้ว} other {คืนเงินแล้ว}}: คำสั่งซื้อ {number}",
      body: "{step, select, requested {ผู้ซื้อคำสั่งซื้อ {number} ขอคืนสินค้า ({refundAmount}) กรุณาอนุมัติหรือปฏิเสธ} approved {คุณอนุมัติการคืนสินค้าของคำสั่งซื้อ {number} แล้ว กดรับสินค้าเมื่อสินค้ามาถึง} rejected {คุณปฏิเสธการคืนสินค้าของคำสั่งซื้อ {number} แล้ว} received {สินค้าของคำสั่งซื้อ {number} กลับเข้าสต็อกแล้ว กำลังคืนเงิน {refundAmount}} other {คืนเงิน {refundAmount} ให้ผู้ซื้อคำสั่งซื้อ {number} แล้ว}}",
      sms: "Tchat: การคืนสินค้าคำสั่งซื้อ {number} {step, select, requested {มีคำขอ ({refundAmount}) กรุณาอนุมัติหรือปฏิเสธ} approved {อนุมัติแล้ว} rejected {ปฏิเสธแล้ว} received {ได้รับแล้ว} other {คืนเงินแล้ว ({refundAmount})}}",
      email: {
        subject:
          "การคืนสินค้าคำสั่งซื้อ {number}: {step, select, requested {มีคำขอ} approved {อนุมัติแล้ว} rejected {ปฏิเสธแล้ว} received {ได้รับแล้ว} other {คืนเงินแล้ว}}",
        body: "{step, select, requested {ผู้ซื้อคำสั่งซื้อ {number} ขอคืนสินค้ามูลค่า {refundAmount} กรุณาอนุมัติหรือปฏิเสธ} approved {คุณอนุมัติการคืนสินค้าของคำสั่งซื้อ {number} แล้ว กดรับสินค้าเมื่อสินค้ามาถึง} rejected {คุณปฏิเสธการคืนสินค้าของคำสั่งซื้อ {number} แล้ว} received {สินค้าของคำสั่งซื้อ {number} กลับเข้าสต็อกแล้ว และกำลังคืนเงิน {refundAmount}} other {คืนเงิน {refundAmount} ให้ผู้ซื้อคำสั่งซื้อ {number} แล้ว}}\n\nการคืนสินค้าของ {shop}: {link}",
      },
    },
  },
  id: {
    "return.update": {
      title:
        "{step, select, requested {Pengembalian diajukan} approved {Pengembalian disetujui} rejected {Pengembalian ditolak} received {Barang diterima toko} other {Dana dikembalikan}}: pesanan {number}",
      body: "{step, select, requested {{shop} akan meninjau pengembalian pesanan {number}.} approved {{shop} menyetujui pengembalian Anda. Kirim barang kembali ke toko.} rejected {{shop} menolak pengembalian Anda.} received {{shop} telah menerima barang Anda. Pengembalian dana {refundAmount} sedang diproses.} other {{refundAmount} telah dikembalikan ke metode pembayaran Anda.}}{hasNote, select, yes { Catatan dari toko: {note}} other {}}",
      sms: "Tchat: pengembalian pesanan {number}: {step, select, requested {diajukan} approved {disetujui, kirim barang kembali} rejected {ditolak} received {diterima, dana {refundAmount} diproses} other {dana {refundAmount} dikembalikan}}.",
      email: {
        subject:
          "Pengembalian pesanan {number}: {step, select, requested {diajukan} approved {disetujui} rejected {ditolak} received {diterima} other {dana dikembalikan}}",
        body: "{step, select, requested {{shop} akan meninjau pengembalian pesanan {number}.} approved {{shop} menyetujui pengembalian pesanan {number}. Silakan kirim barang kembali ke toko.} rejected {{shop} menolak pengembalian pesanan {number}.} received {{shop} telah menerima barang pesanan {number}. Pengembalian dana {refundAmount} sedang diproses.} other {{refundAmount} untuk pesanan {number} telah dikembalikan ke metode pembayaran Anda.}}\n{hasNote, select, yes {\nCatatan dari toko: {note}\n} other {}}\nPesanan Anda: {link}",
      },
    },
    "seller.return_update": {
      title:
        "{step, select, requested {Permintaan pengembalian} approved {Pengembalian disetujui} rejected {Pengembalian ditolak} received {Barang retur diterima} other {Dana retur dikembalikan}}: pesanan {number}",
      body: "{step, select, requested {Pembeli pesanan {number} ingin mengembalikan barang ({refundAmount}). Setujui atau tolak.} approved {Anda menyetujui pengembalian pesanan {number}. Tandai diterima saat barang tiba.} rejected {Anda menolak pengembalian pesanan {number}.} received {Barang pesanan {number} kembali ke stok; {refundAmount} sedang dikembalikan.} other {{refundAmount} telah dikembalikan kepada pembeli pesanan {number}.}}",
      sms: "Tchat: pengembalian pesanan {number} {step, select, requested {diajukan ({refundAmount}). Setujui atau tolak.} approved {disetujui.} rejected {ditolak.} received {diterima.} other {dana dikembalikan ({refundAmount}).}}",
      email: {
        subject:
          "Pengembalian pesanan {number}: {step, select, requested {diajukan} approved {disetujui} rejected {ditolak} received {diterima} other {dana dikembalikan}}",
        body: "{step, select, requested {Pembeli pesanan {number} ingin mengembalikan barang senilai {refundAmount}. Setujui atau tolak pengembalian ini.} approved {Anda menyetujui pengembalian pesanan {number}. Tandai diterima saat barang tiba.} rejected {Anda menolak pengembalian pesanan {number}.} received {Barang pesanan {number} kembali ke stok dan {refundAmount} sedang dikembalikan.} other {{refundAmount} telah dikembalikan kepada pembeli pesanan {number}.}}\n\nPengembalian {shop}: {link}",
      },
    },
  },
  ms: {
    "return.update": {
      title:
        "{step, select, requested {Pemulangan dimohon} approved {Pemulangan diluluskan} rejected {Pemulangan ditolak} received {Barang diterima kedai} other {Bayaran balik dihantar}}: pesanan {number}",
      body: "{step, select, requested {{shop} akan menyemak pemulangan pesanan {number}.} approved {{shop} meluluskan pemulangan anda. Hantar barang kembali ke kedai.} rejected {{shop} menolak pemulangan anda.} received {{shop} telah menerima barang anda. Bayaran balik {refundAmount} sedang diproses.} other {{refundAmount} telah dibayar balik melalui cara anda membayar.}}{hasNote, select, yes { Nota daripada kedai: {note}} other {}}",
      sms: "Tchat: pemulangan pesanan {number}: {step, select, requested {dimohon} approved {diluluskan, hantar barang kembali} rejected {ditolak} received {diterima, bayaran balik {refundAmount} diproses} other {{refundAmount} dibayar balik}}.",
      email: {
        subject:
          "Pemulangan pesanan {number}: {step, select, requested {dimohon} approved {diluluskan} rejected {ditolak} received {diterima} other {dibayar balik}}",
        body: "{step, select, requested {{shop} akan menyemak pemulangan pesanan {number}.} approved {{shop} meluluskan pemulangan pesanan {number}. Sila hantar barang kembali ke kedai.} rejected {{shop} menolak pemulangan pesanan {number}.} received {{shop} telah menerima barang pesanan {number}. Bayaran balik {refundAmount} sedang diproses.} other {{refundAmount} bagi pesanan {number} telah dibayar balik melalui cara anda membayar.}}\n{hasNote, select, yes {\nNota daripada kedai: {note}\n} other {}}\nPesanan anda: {link}",
      },
    },
    "seller.return_update": {
      title:
        "{step, select, requested {Permohonan pemulangan} approved {Pemulangan diluluskan} rejected {Pemulangan ditolak} received {Barang pemulangan diterima} other {Pemulangan dibayar balik}}: pesanan {number}",
      body: "{step, select, requested {Pembeli pesanan {number} ingin memulangkan barang ({refundAmount}). Luluskan atau tolak.} approved {Anda meluluskan pemulangan pesanan {number}. Tandakan diterima apabila barang tiba.} rejected {Anda menolak pemulangan pesanan {number}.} received {Barang pesanan {number} kembali ke stok; {refundAmount} sedang dibayar balik.} other {{refundAmount} telah dibayar balik kepada pembeli pesanan {number}.}}",
      sms: "Tchat: pemulangan pesanan {number} {step, select, requested {dimohon ({refundAmount}). Luluskan atau tolak.} approved {diluluskan.} rejected {ditolak.} received {diterima.} other {dibayar balik ({refundAmount}).}}",
      email: {
        subject:
          "Pemulangan pesanan {number}: {step, select, requested {dimohon} approved {diluluskan} rejected {ditolak} received {diterima} other {dibayar balik}}",
        body: "{step, select, requested {Pembeli pesanan {number} ingin memulangkan barang bernilai {refundAmount}. Luluskan atau tolak pemulangan ini.} approved {Anda meluluskan pemulangan pesanan {number}. Tandakan diterima apabila barang tiba.} rejected {Anda menolak pemulangan pesanan {number}.} received {Barang pesanan {number} kembali ke stok dan {refundAmount} sedang dibayar balik.} other {{refundAmount} telah dibayar balik kepada pembeli pesanan {number}.}}\n\nPemulangan {shop}: {link}",
      },
    },
  },
  fil: {
    "return.update": {
      title:
        "{step, select, requested {Hiniling ang pagbabalik} approved {Aprubado ang pagbabalik} rejected {Tinanggihan ang pagbabalik} received {Natanggap ng tindahan} other {Naibalik ang bayad}}: order {number}",
      body: "{step, select, requested {Susuriin ng {shop} ang pagbabalik mo sa order {number}.} approved {Inaprubahan ng {shop} ang pagbabalik mo. Ipadala pabalik ang mga item sa tindahan.} rejected {Tinanggihan ng {shop} ang pagbabalik mo.} received {Natanggap ng {shop} ang mga item mo. Papunta na ang refund na {refundAmount}.} other {Naibalik ang {refundAmount} sa paraan ng pagbabayad mo.}}{hasNote, select, yes { Tala mula sa tindahan: {note}} other {}}",
      sms: "Tchat: pagbabalik ng order {number}: {step, select, requested {hiniling} approved {aprubado, ipadala pabalik ang mga item} rejected {tinanggihan} received {natanggap, papunta na ang refund na {refundAmount}} other {naibalik ang {refundAmount}}}.",
      email: {
        subject:
          "Pagbabalik ng order {number}: {step, select, requested {hiniling} approved {aprubado} rejected {tinanggihan} received {natanggap} other {naibalik ang bayad}}",
        body: "{step, select, requested {Susuriin ng {shop} ang pagbabalik mo sa order {number}.} approved {Inaprubahan ng {shop} ang pagbabalik sa order {number}. Pakipadala pabalik ang mga item sa tindahan.} rejected {Tinanggihan ng {shop} ang pagbabalik sa order {number}.} received {Natanggap ng {shop} ang mga item ng order {number}. Papunta na ang refund na {refundAmount}.} other {Naibalik ang {refundAmount} para sa order {number} sa paraan ng pagbabayad mo.}}\n{hasNote, select, yes {\nTala mula sa tindahan: {note}\n} other {}}\nAng order mo: {link}",
      },
    },
    "seller.return_update": {
      title:
        "{step, select, requested {May hiling na pagbabalik} approved {Aprubado ang pagbabalik} rejected {Tinanggihan ang pagbabalik} received {Natanggap ang ibinalik} other {Naibalik ang bayad}}: order {number}",
      body: "{step, select, requested {Gustong ibalik ng buyer ng order {number} ang ilang item ({refundAmount}). Aprubahan o tanggihan ito.} approved {Inaprubahan mo ang pagbabalik ng order {number}. Markahang natanggap pagdating ng mga item.} rejected {Tinanggihan mo ang pagbabalik ng order {number}.} received {Balik na sa stock ang mga item ng order {number}; ibinabalik ang {refundAmount}.} other {Naibalik ang {refundAmount} sa buyer ng order {number}.}}",
      sms: "Tchat: pagbabalik ng order {number} {step, select, requested {hiniling ({refundAmount}). Aprubahan o tanggihan.} approved {aprubado.} rejected {tinanggihan.} received {natanggap.} other {naibalik ang bayad ({refundAmount}).}}",
      email: {
        subject:
          "Pagbabalik ng order {number}: {step, select, requested {hiniling} approved {aprubado} rejected {tinanggihan} received {natanggap} other {naibalik ang bayad}}",
        body: "{step, select, requested {Gustong ibalik ng buyer ng order {number} ang mga item na nagkakahalaga ng {refundAmount}. Aprubahan o tanggihan ang pagbabalik.} approved {Inaprubahan mo ang pagbabalik ng order {number}. Markahang natanggap pagdating ng mga item.} rejected {Tinanggihan mo ang pagbabalik ng order {number}.} received {Balik na sa stock ang mga item ng order {number} at ibinabalik ang {refundAmount}.} other {Naibalik ang {refundAmount} sa buyer ng order {number}.}}\n\nMga pagbabalik ng {shop}: {link}",
      },
    },
  },
  vi: {
    "return.update": {
      title:
        "{step, select, requested {Đã gửi yêu cầu trả hàng} approved {Yêu cầu trả hàng được chấp nhận} rejected {Yêu cầu trả hàng bị từ chối} received {Shop đã nhận hàng trả} other {Đã hoàn tiền}}: đơn {number}",
      body: "{step, select, requested {{shop} sẽ xem xét yêu cầu trả hàng của đơn {number}.} approved {{shop} đã chấp nhận yêu cầu trả hàng. Hãy gửi hàng về shop.} rejected {{shop} đã từ chối yêu cầu trả hàng của bạn.} received {{shop} đã nhận hàng của bạn. Khoản hoàn {refundAmount} đang được xử lý.} other {Đã hoàn {refundAmount} về phương thức bạn đã thanh toán.}}{hasNote, select, yes { Ghi chú của shop: {note}} other {}}",
      sms: "Tchat: tra hang don {number}: {step, select, requested {da gui yeu cau} approved {duoc chap nhan, hay gui hang ve} rejected {bi tu choi} received {shop da nhan, dang hoan {refundAmount}} other {da hoan {refundAmount}}}.",
      email: {
        subject:
          "Trả hàng đơn {number}: {step, select, requested {đã gửi yêu cầu} approved {được chấp nhận} rejected {bị từ chối} received {shop đã nhận} other {đã hoàn tiền}}",
        body: "{step, select, requested {{shop} sẽ xem xét yêu cầu trả hàng của đơn {number}.} approved {{shop} đã chấp nhận yêu cầu trả hàng của đơn {number}. Vui lòng gửi hàng về shop.} rejected {{shop} đã từ chối yêu cầu trả hàng của đơn {number}.} received {{shop} đã nhận hàng của đơn {number}. Khoản hoàn {refundAmount} đang được xử lý.} other {Đã hoàn {refundAmount} của đơn {number} về phương thức bạn đã thanh toán.}}\n{hasNote, select, yes {\nGhi chú của shop: {note}\n} other {}}\nĐơn hàng của bạn: {link}",
      },
    },
    "seller.return_update": {
      title:
        "{step, select, requested {Yêu cầu trả hàng mới} approved {Đã chấp nhận trả hàng} rejected {Đã từ chối trả hàng} received {Đã nhận hàng trả} other {Đã hoàn tiền trả hàng}}: đơn {number}",
      body: "{step, select, requested {Người mua đơn {number} muốn trả hàng ({refundAmount}). Hãy chấp nhận hoặc từ chối.} approved {Bạn đã chấp nhận trả hàng đơn {number}. Đánh dấu đã nhận khi hàng về.} rejected {Bạn đã từ chối trả hàng đơn {number}.} received {Hàng của đơn {number} đã về kho; đang hoàn {refundAmount}.} other {Đã hoàn {refundAmount} cho người mua đơn {number}.}}",
      sms: "Tchat: tra hang don {number} {step, select, requested {co yeu cau ({refundAmount}). Hay chap nhan hoac tu choi.} approved {da chap nhan.} rejected {da tu choi.} received {da nhan.} other {da hoan tien ({refundAmount}).}}",
      email: {
        subject:
          "Trả hàng đơn {number}: {step, select, requested {có yêu cầu} approved {đã chấp nhận} rejected {đã từ chối} received {đã nhận} other {đã hoàn tiền}}",
        body: "{step, select, requested {Người mua đơn {number} muốn trả hàng trị giá {refundAmount}. Hãy chấp nhận hoặc từ chối yêu cầu.} approved {Bạn đã chấp nhận trả hàng đơn {number}. Đánh dấu đã nhận khi hàng về.} rejected {Bạn đã từ chối trả hàng đơn {number}.} received {Hàng của đơn {number} đã về kho và đang hoàn {refundAmount}.} other {Đã hoàn {refundAmount} cho người mua đơn {number}.}}\n\nTrả hàng của {shop}: {link}",
      },
    },
  },
};
