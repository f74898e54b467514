import type { logisticsEn } from "./en";

/** Thai logistics words (same keys as logisticsEn). */
export const logisticsTh: Record<keyof typeof logisticsEn, string> = {
  "logistics.title": "การจัดส่ง",
  "logistics.none": "ยังไม่ได้จองขนส่ง",
  "logistics.book": "จองขนส่ง",
  "logistics.booking": "กำลังจอง…",
  "logistics.courier": "ขนส่ง",
  "logistics.service": "บริการ",
  "logistics.cod": "เก็บเงินปลายทาง",
  "logistics.codCollect": "ขนส่งจะเก็บเงิน {amount} เมื่อส่งถึง",
  "logistics.label": "พิมพ์ใบปะหน้า",
  "logistics.cancel": "ยกเลิกการจอง",
  "logistics.cancelling": "กำลังยกเลิก…",
  "logistics.cancelConfirm": "ยกเลิกการจองนี้ใช่ไหม ขนส่งยังไม่ได้รับพัสดุ",
  "logistics.pickup.ask": "เรียกรถเข้ารับพัสดุ",
  "logistics.pickup.asking": "กำลังแจ้งขนส่ง…",
  "logistics.pickup.window": "ขนส่งจะเข้ารับระหว่าง {from} ถึง {until}",
  "logistics.pickup.waiting":
    "กำลังรอ Flash รับคำขอเข้ารับพัสดุ: ยังมีการเข้ารับของร้านอื่นที่ Flash ค้างอยู่ ระบบจะส่งคำขอของคุณทันทีที่ Flash รับได้ คุณไม่ต้องทำอะไร",
  "logistics.tracking": "ติดตามพัสดุ",
  "logistics.trackingNumber": "หมายเลขพัสดุ",
  "logistics.status.booked": "จองแล้ว",
  "logistics.status.picked_up": "รับพัสดุแล้ว",
  "logistics.status.in_transit": "ระหว่างขนส่ง",
  "logistics.status.out_for_delivery": "กำลังนำส่ง",
  "logistics.status.delivered": "ส่งถึงแล้ว",
  "logistics.status.failed": "ส่งไม่สำเร็จ",
  "logistics.status.returned": "ส่งคืนร้านค้าแล้ว",
  "logistics.status.cancelled": "ยกเลิกการจองแล้ว",
  "pay.kind.cash": "เก็บเงินปลายทาง",
  "timeline.paymentCollected": "เก็บเงินปลายทางแล้ว",
};
