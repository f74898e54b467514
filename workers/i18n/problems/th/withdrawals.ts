import type { ProblemTranslations } from "../types";

/** Thai problem details of withdrawals and disbursements, keyed by the English template. */
export const withdrawals: ProblemTranslations = {
  "A bank account number in {0} has {1} to {2} digits. Check the number.":
    "เลขที่บัญชีธนาคารใน {0} มี {1} ถึง {2} หลัก กรุณาตรวจสอบหมายเลข",
  "The webhook's signature does not verify.": "ลายเซ็นของเว็บฮุกตรวจสอบไม่ผ่าน",
  "There is no disbursement with this id among yours.": "ไม่พบรายการโอนออกที่มีรหัสนี้ในรายการของคุณ",
  "There is no sandbox disbursement with this id.": "ไม่พบรายการโอนออกแซนด์บ็อกซ์ที่มีรหัสนี้",
  "This Idempotency-Key already started a withdrawal of another amount or to another account. Use a new key for a new withdrawal.":
    "Idempotency-Key นี้ใช้เริ่มการถอนเงินด้วยจำนวนเงินอื่นหรือไปยังบัญชีอื่นแล้ว กรุณาใช้คีย์ใหม่สำหรับการถอนเงินครั้งใหม่",
  "Unknown bank for {0}. Use one of {1}.": "ไม่รู้จักธนาคารนี้สำหรับ {0} กรุณาใช้หนึ่งใน {1}",
  "Withdrawals in {0} are not available here. Use {1}.": "ยังไม่สามารถถอนเงินสกุล {0} ได้ที่นี่ กรุณาใช้ {1}",
  "Withdrawals to a bank are available in {0}. Choose one of those wallets.":
    "ถอนเงินเข้าบัญชีธนาคารได้ในสกุล {0} กรุณาเลือกกระเป๋าเงินสกุลใดสกุลหนึ่งในนั้น",
  "Write the account holder's name as the bank has it.": "กรุณากรอกชื่อเจ้าของบัญชีตามที่ธนาคารบันทึกไว้",
  "Your wallet is restricted: it can receive money but not send or withdraw it. Contact support to lift the restriction.":
    "กระเป๋าเงินของคุณถูกจำกัด: รับเงินได้แต่ส่งหรือถอนเงินไม่ได้ กรุณาติดต่อฝ่ายสนับสนุนเพื่อยกเลิกการจำกัด",
};
