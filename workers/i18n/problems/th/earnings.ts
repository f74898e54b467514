import type { ProblemTranslations } from "../types";

/** Thai problem details of shop earnings, payouts, statements and sales reports, keyed by the English template. */
export const earnings: ProblemTranslations = {
  "Payouts to a bank are available in {0}. Pay out to your wallet instead.":
    "การโอนรายได้เข้าบัญชีธนาคารใช้ได้ในสกุลเงิน {0} กรุณาโอนเข้ากระเป๋าเงินของคุณแทน",
  "This shop is paid out in {0}. Ask for an amount in {1}.": "ร้านนี้รับการโอนรายได้เป็น {0} กรุณาระบุจำนวนเงินเป็น {1}",
  "The amount is not a whole number of the currency's smallest unit. Round it.":
    "จำนวนเงินไม่ใช่จำนวนเต็มของหน่วยย่อยที่สุดของสกุลเงิน กรุณาปัดเศษ",
  "Only {0} is available to pay out. Ask for at most that amount.": "มียอดที่โอนออกได้เพียง {0} กรุณาระบุจำนวนไม่เกินยอดนั้น",
  "Give to as a date (2026-12-31) or an ISO date-time (2026-12-31T17:00:00Z).":
    "กรุณาระบุ to เป็นวันที่ (2026-12-31) หรือวันเวลาแบบ ISO (2026-12-31T17:00:00Z)",
  "Give from as a date (2026-12-01) or an ISO date-time (2026-12-01T00:00:00Z).":
    "กรุณาระบุ from เป็นวันที่ (2026-12-01) หรือวันเวลาแบบ ISO (2026-12-01T00:00:00Z)",
  "The period is empty: from must come before to.": "ช่วงเวลาว่างเปล่า: from ต้องมาก่อน to",
  "A period covers at most {0} days. Ask for a shorter one.": "ช่วงเวลาหนึ่งครอบคลุมได้ไม่เกิน {0} วัน กรุณาระบุช่วงที่สั้นลง",
  "Give granularity as day, week or month.": "กรุณาระบุ granularity เป็น day, week หรือ month",
  "A statement lists at most {0} entries. Ask for a shorter period.":
    "รายการเดินบัญชีหนึ่งฉบับแสดงได้ไม่เกิน {0} รายการ กรุณาระบุช่วงเวลาที่สั้นลง",
};
