import type { ProblemTranslations } from "../types";

/** Thai problem details of the wallet and transfers, keyed by the English template. */
export const wallet: ProblemTranslations = {
  "One transfer may be at most {0} at your verification level. Send less.":
    "การโอนหนึ่งครั้งทำได้ไม่เกิน {0} ตามระดับการยืนยันตัวตนของคุณ กรุณาโอนน้อยลง",
  "You can send {0} in any 24 hours; {1} of it remains now.": "คุณโอนได้ {0} ภายใน 24 ชั่วโมง ขณะนี้เหลืออีก {1}",
  "The recipient's wallet cannot hold this amount now (its balance limit). Nothing was sent; send less or ask them to make room.":
    "กระเป๋าเงินของผู้รับไม่สามารถรับยอดนี้ได้ในขณะนี้ (เกินวงเงินยอดคงเหลือ) ไม่มีการโอนเงิน กรุณาโอนน้อยลงหรือให้ผู้รับลดยอดคงเหลือก่อน",
  "Your wallet has {0} available, less than this transfer. Top up or send less.":
    "กระเป๋าเงินของคุณมียอดที่ใช้ได้ {0} ซึ่งน้อยกว่ายอดโอนนี้ กรุณาเติมเงินหรือโอนน้อยลง",
  "Your wallet is restricted: it can receive money but not send it. Contact support to lift the restriction.":
    "กระเป๋าเงินของคุณถูกจำกัด: รับเงินได้แต่โอนออกไม่ได้ กรุณาติดต่อฝ่ายสนับสนุนเพื่อยกเลิกการจำกัด",
  "This Idempotency-Key already started a transfer to another recipient, amount or note. Use a new key for a new transfer.":
    "Idempotency-Key นี้ถูกใช้เริ่มการโอนไปยังผู้รับ จำนวนเงิน หรือบันทึกอื่นแล้ว กรุณาใช้คีย์ใหม่สำหรับการโอนใหม่",
  "You cannot send money to yourself. Choose another recipient.": "คุณโอนเงินให้ตัวเองไม่ได้ กรุณาเลือกผู้รับคนอื่น",
  "There is no active account with this user id. Check the recipient.": "ไม่พบบัญชีที่ใช้งานอยู่ซึ่งมีรหัสผู้ใช้นี้ กรุณาตรวจสอบผู้รับ",
  "No active account uses this phone number. Check the number, or ask the person to sign up first.":
    "ไม่พบบัญชีที่ใช้งานอยู่ซึ่งใช้หมายเลขโทรศัพท์นี้ กรุณาตรวจสอบหมายเลข หรือให้ผู้รับสมัครสมาชิกก่อน",
  "There is no wallet transaction with this id in your wallet.": "ไม่พบรายการกระเป๋าเงินที่มีรหัสนี้ในกระเป๋าเงินของคุณ",
};
