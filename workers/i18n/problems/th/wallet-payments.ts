import type { ProblemTranslations } from "../types";

/** Thai problem details of paying from the wallet and of top-ups, keyed by the English template. */
export const walletPayments: ProblemTranslations = {
  "{0} amounts are whole multiples of {1} minor units.": "จำนวนเงินสกุล {0} ต้องเป็นผลคูณของ {1} หน่วยย่อย",
  "This top-up is being started right now. Try again in a moment.": "กำลังเริ่มการเติมเงินนี้อยู่ กรุณาลองใหม่อีกครั้งในอีกสักครู่",
  "Your wallet has {0} available, less than the {1} to pay. Top up or choose another way to pay.":
    "กระเป๋าเงินของคุณมียอดที่ใช้ได้ {0} ซึ่งน้อยกว่ายอดที่ต้องชำระ {1} กรุณาเติมเงินหรือเลือกวิธีชำระเงินอื่น",
  "Sign in to pay from your wallet.": "กรุณาเข้าสู่ระบบเพื่อชำระเงินด้วยกระเป๋าเงิน",
  "This wallet payment was given up before it went through, and nothing was taken from your wallet. Pay again with a new request.":
    "การชำระเงินด้วยกระเป๋าเงินนี้ถูกยกเลิกก่อนดำเนินการสำเร็จ และไม่มีการหักเงินจากกระเป๋าเงินของคุณ กรุณาชำระเงินใหม่ด้วยคำขอใหม่",
  "Pay from the wallet with method wallet.": "ชำระเงินจากกระเป๋าเงินโดยใช้ method เป็น wallet",
  "Your wallet can hold at most {0}; a top-up of up to {1} fits now.":
    "กระเป๋าเงินของคุณเก็บเงินได้สูงสุด {0} ขณะนี้เติมเงินได้ไม่เกิน {1}",
  "This Idempotency-Key already started a top-up of another amount. Use a new key for a new top-up.":
    "Idempotency-Key นี้ถูกใช้เริ่มการเติมเงินจำนวนอื่นแล้ว กรุณาใช้คีย์ใหม่สำหรับการเติมเงินใหม่",
};
