import type { Locale } from "../../../schemas/platform";
import type { Template } from "./types";

/**
 * The seller's notification that a pickup which waited (the courier was busy with another shop's)
 * is now placed, in the six languages (spread into each locale's catalog). Parameters: number (the
 * order), shop, courier (its name), tracking, window (the pickup's from–until, formatted as one
 * range in the reader's language and zone), link. SMS stays within GSM-7 where the language allows;
 * the template has no SMS channel today, its text is there for when it gets one.
 */
export type PickupTemplateId = "seller.pickup_placed";

export const PICKUP_TEMPLATES: Record<Locale, Record<PickupTemplateId, Template>> = {
  en: {
    "seller.pickup_placed": {
      title: "Pickup booked: parcel {tracking}",
      body: "{courier} will collect parcel {tracking} of order {number}: {window}. Have it packed and labelled.",
      sms: "Tchat: {courier} will collect parcel {tracking} (order {number}): {window}.",
      email: {
        subject: "Pickup booked for order {number}",
        body:
          "The pickup {shop} asked for is booked: the courier was busy with another pickup and has now taken yours.\n\n" +
          "Courier: {courier}\nTracking number: {tracking}\nOrder: {number}\nPickup window: {window}\n\n" +
          "Have the parcel packed and labelled by then. Your order: {link}",
      },
      push: { title: "Pickup booked for order {number}", body: "{courier}: {window}" },
    },
  },
  th: {
    "seller.pickup_placed": {
      title: "นัดรับพัสดุแล้ว: {tracking}",
      body: "{courier} จะเข้ารับพัสดุ {tracking} ของคำสั่งซื้อ {number} ช่วง {window} กรุณาแพ็กและติดฉลากให้พร้อม",
      sms: "Tchat: {courier} จะเข้ารับพัสดุ {tracking} (คำสั่งซื้อ {number}) ช่วง {window}",
      email: {
        subject: "นัดรับพัสดุแล้ว: คำสั่งซื้อ {number}",
        body:
          "การเข้ารับพัสดุที่ {shop} ขอไว้ได้รับการยืนยันแล้ว: ก่อนหน้านี้ขนส่งติดงานรับพัสดุอื่นอยู่ และตอนนี้รับงานของคุณแล้ว\n\n" +
          "ขนส่ง: {courier}\nเลขพัสดุ: {tracking}\nคำสั่งซื้อ: {number}\nช่วงเวลาเข้ารับ: {window}\n\n" +
          "กรุณาแพ็กและติดฉลากพัสดุให้พร้อมก่อนเวลานั้น คำสั่งซื้อของคุณ: {link}",
      },
      push: { title: "นัดรับพัสดุแล้ว: คำสั่งซื้อ {number}", body: "{courier}: {window}" },
    },
  },
  id: {
    "seller.pickup_placed": {
      title: "Penjemputan dijadwalkan: paket {tracking}",
      body: "{courier} akan menjemput paket {tracking} dari pesanan {number}: {window}. Pastikan sudah dikemas dan diberi label.",
      sms: "Tchat: {courier} akan menjemput paket {tracking} (pesanan {number}): {window}.",
      email: {
        subject: "Penjemputan pesanan {number} dijadwalkan",
        body:
          "Penjemputan yang diminta {shop} sudah dijadwalkan: kurir tadinya sibuk dengan penjemputan lain dan kini menerima permintaan Anda.\n\n" +
          "Kurir: {courier}\nNomor resi: {tracking}\nPesanan: {number}\nWaktu penjemputan: {window}\n\n" +
          "Siapkan paket yang sudah dikemas dan diberi label sebelum waktu itu. Pesanan Anda: {link}",
      },
      push: { title: "Penjemputan pesanan {number} dijadwalkan", body: "{courier}: {window}" },
    },
  },
  ms: {
    "seller.pickup_placed": {
      title: "Pengambilan ditempah: bungkusan {tracking}",
      body: "{courier} akan mengambil bungkusan {tracking} bagi pesanan {number}: {window}. Pastikan ia sudah dibungkus dan berlabel.",
      sms: "Tchat: {courier} akan mengambil bungkusan {tracking} (pesanan {number}): {window}.",
      email: {
        subject: "Pengambilan pesanan {number} ditempah",
        body:
          "Pengambilan yang diminta oleh {shop} telah ditempah: kurier tadi sibuk dengan pengambilan lain dan kini menerima permintaan anda.\n\n" +
          "Kurier: {courier}\nNombor penjejakan: {tracking}\nPesanan: {number}\nWaktu pengambilan: {window}\n\n" +
          "Sediakan bungkusan yang sudah dibungkus dan berlabel sebelum waktu itu. Pesanan anda: {link}",
      },
      push: { title: "Pengambilan pesanan {number} ditempah", body: "{courier}: {window}" },
    },
  },
  fil: {
    "seller.pickup_placed": {
      title: "Naka-book na ang pickup: parcel {tracking}",
      body: "Kukunin ng {courier} ang parcel {tracking} ng order {number}: {window}. Ihanda itong naka-pack at may label.",
      sms: "Tchat: kukunin ng {courier} ang parcel {tracking} (order {number}): {window}.",
      email: {
        subject: "Naka-book na ang pickup ng order {number}",
        body:
          "Naka-book na ang pickup na hiniling ng {shop}: abala kanina ang courier sa ibang pickup, at tinanggap na nito ang sa iyo.\n\n" +
          "Courier: {courier}\nTracking number: {tracking}\nOrder: {number}\nOras ng pickup: {window}\n\n" +
          "Ihanda ang parcel na naka-pack at may label bago ang oras na iyon. Ang order mo: {link}",
      },
      push: { title: "Naka-book na ang pickup ng order {number}", body: "{courier}: {window}" },
    },
  },
  vi: {
    "seller.pickup_placed": {
      title: "Đã hẹn lấy hàng: kiện {tracking}",
      body: "{courier} sẽ đến lấy kiện {tracking} của đơn {number}: {window}. Hãy đóng gói và dán nhãn sẵn.",
      sms: "Tchat: {courier} se den lay kien {tracking} (don {number}): {window}.",
      email: {
        subject: "Đã hẹn lấy hàng cho đơn {number}",
        body:
          "Yêu cầu lấy hàng của {shop} đã được nhận: trước đó đơn vị vận chuyển đang bận với một lượt lấy hàng khác, nay đã nhận yêu cầu của bạn.\n\n" +
          "Đơn vị vận chuyển: {courier}\nMã vận đơn: {tracking}\nĐơn hàng: {number}\nThời gian lấy hàng: {window}\n\n" +
          "Hãy đóng gói và dán nhãn kiện hàng trước thời gian đó. Đơn hàng của bạn: {link}",
      },
      push: { title: "Đã hẹn lấy hàng cho đơn {number}", body: "{courier}: {window}" },
    },
  },
};
