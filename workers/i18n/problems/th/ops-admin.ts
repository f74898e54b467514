import type { ProblemTranslations } from "../types";

/** Problem details of the operators' admin API (users, payments), keyed by the English template. */
export const opsAdmin: ProblemTranslations = {
  "Search by one exact value: a phone number in international form such as +66812345678 (or a national number with its country), an email address, or a user id starting with usr_.":
    "ค้นหาด้วยค่าที่ตรงกันทุกตัวอักษรหนึ่งค่า: หมายเลขโทรศัพท์แบบสากล เช่น +66812345678 (หรือหมายเลขในประเทศพร้อมประเทศ) ที่อยู่อีเมล หรือรหัสผู้ใช้ที่ขึ้นต้นด้วย usr_",
  "This payment was never paid, so there is nothing to refund.": "การชำระเงินนี้ไม่เคยได้รับชำระ จึงไม่มีอะไรให้คืนเงิน",
  "A cash-on-delivery payment was paid in cash to the courier: refund it to the buyer's wallet or by bank transfer instead.":
    "การชำระเงินปลายทางจ่ายเป็นเงินสดให้ผู้จัดส่ง กรุณาคืนเงินเข้ากระเป๋าเงินของผู้ซื้อหรือโอนผ่านธนาคารแทน",
  "At most {0} of this payment can still be refunded. Enter an amount up to that.":
    "การชำระเงินนี้ยังคืนเงินได้อีกไม่เกิน {0} กรุณากรอกจำนวนไม่เกินนั้น",
  "The amount is not in the payment's currency. Give it in the payment's currency.":
    "จำนวนเงินไม่ได้อยู่ในสกุลเงินของการชำระเงิน กรุณาระบุเป็นสกุลเงินของการชำระเงิน",
  "Enter an amount above zero.": "กรุณากรอกจำนวนที่มากกว่าศูนย์",
  "This refund is being made right now. Look at the payment again in a minute.":
    "กำลังดำเนินการคืนเงินนี้อยู่ กรุณาตรวจสอบการชำระเงินอีกครั้งในอีกหนึ่งนาที",
  "The payment gateway did not accept the refund. Nothing was refunded; try again with the same Idempotency-Key.":
    "เกตเวย์การชำระเงินไม่รับการคืนเงิน ยังไม่มีการคืนเงินใด ๆ กรุณาลองอีกครั้งด้วย Idempotency-Key เดิม",
};
