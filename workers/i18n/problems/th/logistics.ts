import type { ProblemTranslations } from "../types";

/** Thai problem details of logistics (couriers, shipments, tracking, cash on delivery), keyed by the English template. */
export const logistics: ProblemTranslations = {
  "An order that is {0} cannot be shipped. Book a courier once the order is paid (or accepted for cash on delivery).":
    "คำสั่งซื้อที่มีสถานะ {0} ยังจัดส่งไม่ได้ กรุณาจองขนส่งเมื่อคำสั่งซื้อชำระเงินแล้ว (หรือรับชำระเงินปลายทางแล้ว)",
  "Cash on delivery is limited to {0} {1} per payment. Pay this order another way.":
    "การเก็บเงินปลายทางจำกัดไว้ที่ {0} {1} ต่อการชำระหนึ่งครั้ง กรุณาชำระคำสั่งซื้อนี้ด้วยวิธีอื่น",
  "Cash on delivery is not offered for deliveries to {0}. Choose another way to pay.":
    "ไม่มีบริการเก็บเงินปลายทางสำหรับการจัดส่งไปยัง {0} กรุณาเลือกวิธีชำระเงินอื่น",
  "Cash on delivery is not offered with {0} {1}. Check out again with another delivery option, or choose another way to pay.":
    "ไม่มีบริการเก็บเงินปลายทางกับ {0} {1} กรุณาสั่งซื้อใหม่โดยเลือกตัวเลือกการจัดส่งอื่น หรือเลือกวิธีชำระเงินอื่น",
  "Cash on delivery is not offered in {0}. Choose another way to pay.":
    "ไม่มีบริการเก็บเงินปลายทางในสกุลเงิน {0} กรุณาเลือกวิธีชำระเงินอื่น",
  "Cash on delivery takes the method cod.": "การเก็บเงินปลายทางใช้วิธีชำระเงิน cod",
  "No courier is booked for this order yet.": "คำสั่งซื้อนี้ยังไม่ได้จองขนส่ง",
  "Only parcels of the sandbox courier can be simulated; real couriers report by webhook.":
    "จำลองได้เฉพาะพัสดุของขนส่งทดสอบ (sandbox) เท่านั้น ขนส่งจริงจะแจ้งผ่าน webhook",
  "Only the shop's owner books and manages the order's shipments.": "เฉพาะเจ้าของร้านเท่านั้นที่จองและจัดการการจัดส่งของคำสั่งซื้อได้",
  "The courier did not accept the booking just now. Try again in a few minutes, or choose another courier.":
    "ขนส่งยังไม่รับการจองในขณะนี้ กรุณาลองใหม่ในอีกไม่กี่นาที หรือเลือกขนส่งอื่น",
  "The courier did not confirm the cancellation. Try again in a few minutes.":
    "ขนส่งยังไม่ยืนยันการยกเลิก กรุณาลองใหม่ในอีกไม่กี่นาที",
  "The courier picked the parcel up meanwhile, so the booking stands. Read the shipment again.":
    "ขนส่งรับพัสดุไปแล้วในระหว่างนี้ การจองจึงยังคงอยู่ กรุณาดูข้อมูลการจัดส่งอีกครั้ง",
  "The courier {0} does not deliver in {1}.": "ขนส่ง {0} ไม่ให้บริการใน {1}",
  "The courier {0} has no service {1}. Choose one of: {2}.": "ขนส่ง {0} ไม่มีบริการ {1} กรุณาเลือกหนึ่งใน: {2}",
  "The parcel is already {0}, so the booking can no longer be cancelled. Ask the courier for a return instead.":
    "พัสดุอยู่ในสถานะ {0} แล้ว จึงยกเลิกการจองไม่ได้อีก กรุณาขอให้ขนส่งส่งคืนแทน",
  "The stock hold of this order has run out. Check out again.": "การกันสต็อกของคำสั่งซื้อนี้หมดเวลาแล้ว กรุณาชำระเงินใหม่อีกครั้ง",
  "The webhook's signature does not match. Nothing was changed.": "ลายเซ็นของ webhook ไม่ตรงกัน ไม่มีการเปลี่ยนแปลงใด ๆ",
  "There is no courier {0} here. Choose one of: {1}.": "ไม่มีขนส่ง {0} ที่นี่ กรุณาเลือกหนึ่งใน: {1}",
  "There is no courier {0} here.": "ไม่มีขนส่ง {0} ที่นี่",
  "There is no shipment with this id.": "ไม่พบการจัดส่งที่มีรหัสนี้",
  "This order is already booked with tracking number {0}. Cancel that shipment before booking another.":
    "คำสั่งซื้อนี้จองขนส่งแล้วด้วยหมายเลขพัสดุ {0} กรุณายกเลิกการจัดส่งนั้นก่อนจองใหม่",
  "This order is paid by cash on delivery, and the service {0} of {1} does not collect cash in {2}. Choose a service that does.":
    "คำสั่งซื้อนี้ชำระเงินปลายทาง และบริการ {0} ของ {1} ไม่เก็บเงินสดใน {2} กรุณาเลือกบริการที่เก็บเงินปลายทางได้",
  "This order was booked by another request at the same time. Read it again.":
    "คำสั่งซื้อนี้ถูกจองโดยคำขออื่นในเวลาเดียวกัน กรุณาดูข้อมูลอีกครั้ง",
  "This payment changed while it was being started. Read it again.": "การชำระเงินนี้เปลี่ยนไประหว่างที่กำลังเริ่ม กรุณาดูข้อมูลอีกครั้ง",
  "This shipment's label is not stored. Ask the courier for a new one.": "ไม่พบใบปะหน้าพัสดุของการจัดส่งนี้ กรุณาขอใบใหม่จากขนส่ง",
  "The courier cannot place the shop's address: its owner fills in the pickup address (street, district, province and postal code) in Shop settings.":
    "ขนส่งระบุที่อยู่ของร้านไม่ได้ เจ้าของร้านต้องกรอกที่อยู่เข้ารับพัสดุ (ถนน เขต/อำเภอ จังหวัด และรหัสไปรษณีย์) ในหน้าตั้งค่าร้าน",
};
