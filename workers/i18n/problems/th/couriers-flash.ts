import type { ProblemTranslations } from "../types";

/** Thai problem details of the Flash Express courier (workers/logistics/couriers/flash*.ts), keyed by the English template. */
export const couriersFlash: ProblemTranslations = {
  "Flash Express needs the shop's five-digit postal code: fill in the pickup address in Shop settings and book again.":
    "Flash Express ต้องการรหัสไปรษณีย์ห้าหลักของร้านค้า: กรอกที่อยู่รับพัสดุในการตั้งค่าร้านค้าแล้วจองอีกครั้ง",
  "Flash Express needs the recipient's district, province and five-digit postal code. Correct the order's shipping address and book again.":
    "Flash Express ต้องการอำเภอ/เขต จังหวัด และรหัสไปรษณีย์ห้าหลักของผู้รับ แก้ไขที่อยู่จัดส่งของคำสั่งซื้อแล้วจองอีกครั้ง",
  "Flash Express collects cash on delivery in Thai baht only.": "Flash Express เก็บเงินปลายทางเป็นเงินบาทเท่านั้น",
  "Flash Express already holds a parcel for this booking but does not give its tracking number again. Cancel that parcel in Flash Express's merchant app, then book with a new Idempotency-Key.":
    "Flash Express มีพัสดุของการจองนี้อยู่แล้ว แต่ไม่ให้เลขพัสดุซ้ำอีก ยกเลิกพัสดุนั้นในแอปร้านค้าของ Flash Express แล้วจองใหม่ด้วย Idempotency-Key ใหม่",
  "Flash Express could not be asked about this parcel just now. Nothing was changed.":
    "ไม่สามารถสอบถาม Flash Express เกี่ยวกับพัสดุนี้ได้ในขณะนี้ ไม่มีการเปลี่ยนแปลงใดๆ",
  "Flash Express sends its courier to the shop's pickup address and needs its street, district, province and five-digit postal code. Add them to the shop's pickup address, then ask for the pickup again.":
    "Flash Express ส่งพนักงานไปรับพัสดุที่ที่อยู่รับพัสดุของร้านค้า และต้องการถนน อำเภอ/เขต จังหวัด และรหัสไปรษณีย์ห้าหลัก เพิ่มข้อมูลเหล่านี้ในที่อยู่รับพัสดุของร้านค้า แล้วขอให้เข้ารับพัสดุอีกครั้ง",
};
