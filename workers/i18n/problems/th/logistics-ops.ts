import type { ProblemTranslations } from "../types";

/** Thai problem details of COD remittances and pickups, keyed by the English template. */
export const logisticsOps: ProblemTranslations = {
  "There is no courier {0} here.": "ไม่มีขนส่ง {0} ที่นี่",
  "Every item of one remittance must be in the same currency.": "ทุกรายการในการนำส่งเงินครั้งเดียวต้องเป็นสกุลเงินเดียวกัน",
  "This remittance changed while it was recorded. Read it again.":
    "การนำส่งเงินนี้มีการเปลี่ยนแปลงระหว่างบันทึก กรุณาอ่านข้อมูลอีกครั้ง",
  "The remittance {0} of {1} is already recorded with other items. Record a correction under a new reference.":
    "การนำส่งเงิน {0} ของ {1} ถูกบันทึกไว้แล้วด้วยรายการอื่น กรุณาบันทึกการแก้ไขภายใต้เลขอ้างอิงใหม่",
  "The report covers at most {0} parcels. Ask for a later since, or for one courier.":
    "รายงานครอบคลุมพัสดุได้ไม่เกิน {0} ชิ้น กรุณาระบุ since ที่ใหม่กว่านี้ หรือเลือกขนส่งเพียงรายเดียว",
  "There is no remittance with this id.": "ไม่มีการนำส่งเงินที่มีรหัสนี้",
  "The parcel is {0}, so there is nothing for the courier to pick up. Book a courier again if it must still go.":
    "พัสดุอยู่ในสถานะ {0} จึงไม่มีอะไรให้ขนส่งมารับ หากยังต้องส่ง กรุณาจองขนส่งใหม่",
  "There is no order for this shipment.": "ไม่มีคำสั่งซื้อของการจัดส่งนี้",
  "The courier {0} takes no pickup requests. Hand the parcel in at one of its drop-off points.":
    "ขนส่ง {0} ไม่รับคำขอให้เข้ารับพัสดุ กรุณานำพัสดุไปส่งที่จุดรับพัสดุของขนส่ง",
  "The courier did not confirm the pickup. Try again in a few minutes.": "ขนส่งยังไม่ยืนยันการเข้ารับพัสดุ กรุณาลองใหม่ในอีกไม่กี่นาที",
  "Biteship needs the shop's postal code: fill in the pickup address (with its five-digit kode pos) in Shop settings and book again.":
    "Biteship ต้องใช้รหัสไปรษณีย์ของร้าน กรุณากรอกที่อยู่รับพัสดุ (พร้อมรหัสไปรษณีย์ห้าหลัก) ในการตั้งค่าร้านค้าแล้วจองใหม่",
  "Biteship needs the recipient's five-digit postal code. Correct the order's shipping address and book again.":
    "Biteship ต้องใช้รหัสไปรษณีย์ห้าหลักของผู้รับ กรุณาแก้ไขที่อยู่จัดส่งของคำสั่งซื้อแล้วจองใหม่",
  "The first line of the CSV must name the columns tracking_number, amount and currency, e.g. tracking_number,amount,currency.":
    "บรรทัดแรกของ CSV ต้องระบุชื่อคอลัมน์ tracking_number, amount และ currency เช่น tracking_number,amount,currency",
  "A CSV statement names its courier and reference in the query string: ?courier=...&reference=...":
    "รายการ CSV ต้องระบุขนส่งและเลขอ้างอิงใน query string: ?courier=...&reference=...",
  "The CSV has no lines after its header. Add one line per parcel.":
    "CSV ไม่มีบรรทัดใดหลังหัวตาราง กรุณาเพิ่มหนึ่งบรรทัดต่อพัสดุหนึ่งชิ้น",
  "A CSV statement holds at most {0} lines. Split it into statements under their own references.":
    "รายการ CSV หนึ่งฉบับมีได้ไม่เกิน {0} บรรทัด กรุณาแยกเป็นหลายฉบับโดยใช้เลขอ้างอิงของแต่ละฉบับ",
  "Some lines of the CSV are refused, so nothing was recorded. Fix the lines listed in errors and send the file again.":
    "บางบรรทัดของ CSV ถูกปฏิเสธ จึงไม่มีการบันทึกใด ๆ กรุณาแก้ไขบรรทัดที่ระบุใน errors แล้วส่งไฟล์อีกครั้ง",
};
