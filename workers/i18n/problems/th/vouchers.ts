import type { ProblemTranslations } from "../types";

/** Thai problem details of seller and platform vouchers, keyed by the English template. */
export const vouchers: ProblemTranslations = {
  "A free shipping voucher has no value: leave value out.": "บัตรกำนัลส่งฟรีไม่มีมูลค่า กรุณาไม่ต้องใส่ value",
  "A percent voucher's value is a whole percent from 1 to 100.": "มูลค่าของบัตรกำนัลแบบเปอร์เซ็นต์ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 100",
  "A fixed voucher's value is the amount it takes off in minor units, at least 1.":
    "มูลค่าของบัตรกำนัลแบบจำนวนคงที่คือจำนวนที่ลดในหน่วยย่อยของสกุลเงิน อย่างน้อย 1",
  "Amounts in {0} are whole units: send a multiple of {1}.": "จำนวนเงินสกุล {0} ต้องเป็นหน่วยเต็ม กรุณาส่งจำนวนที่เป็นพหุคูณของ {1}",
  "This voucher's amounts are in {0}.": "จำนวนเงินของบัตรกำนัลนี้ต้องเป็นสกุลเงิน {0}",
  "Amounts cannot be negative.": "จำนวนเงินต้องไม่ติดลบ",
  "endsAt must be later than startsAt.": "endsAt ต้องอยู่หลัง startsAt",
  "endsAt is already past: choose an end in the future.": "endsAt ผ่านไปแล้ว กรุณาเลือกเวลาสิ้นสุดในอนาคต",
  "This voucher was already used {0} times: totalLimit cannot be lower.":
    "บัตรกำนัลนี้ถูกใช้ไปแล้ว {0} ครั้ง totalLimit ต้องไม่น้อยกว่านี้",
  "A fixed voucher takes off its value: leave maxDiscount out.":
    "บัตรกำนัลแบบจำนวนคงที่ลดตามมูลค่าของมัน กรุณาไม่ต้องใส่ maxDiscount",
  "A voucher with this code exists already. Choose another code.": "มีบัตรกำนัลที่ใช้รหัสนี้อยู่แล้ว กรุณาเลือกรหัสอื่น",
  "There is no voucher with this id.": "ไม่พบบัตรกำนัลที่มีรหัสอ้างอิงนี้",
  "Only an admin can change a platform voucher.": "เฉพาะผู้ดูแลระบบเท่านั้นที่แก้ไขบัตรกำนัลของแพลตฟอร์มได้",
  "This voucher was used meanwhile beyond that totalLimit. Read it again and choose a higher limit.":
    "ระหว่างนี้บัตรกำนัลถูกใช้เกิน totalLimit นั้นแล้ว กรุณาโหลดข้อมูลใหม่และเลือกขีดจำกัดที่สูงขึ้น",
  "This voucher is no longer available.": "บัตรกำนัลนี้ไม่สามารถใช้ได้อีกต่อไป",
  "Use at most one shop voucher and one platform voucher per checkout.":
    "ใช้บัตรกำนัลของร้านได้ไม่เกินหนึ่งใบและบัตรกำนัลของแพลตฟอร์มได้ไม่เกินหนึ่งใบต่อการชำระเงินหนึ่งครั้ง",
};
