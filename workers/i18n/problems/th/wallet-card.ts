import type { ProblemTranslations } from "../types";

/** Thai problem details of transfer cards in chat and the wallet's part in account deletion, keyed by the English template. */
export const walletCard: ProblemTranslations = {
  "You can share only a transfer you sent, in the direct dialog with the person you sent it to.":
    "คุณแชร์ได้เฉพาะรายการโอนที่คุณเป็นผู้โอน ในแชทส่วนตัวกับคนที่คุณโอนให้เท่านั้น",
  "Your wallet still holds money ({0}). Withdraw it to your bank or spend it first, wait for transfers in flight to finish, then delete the account.":
    "วอลเล็ตของคุณยังมีเงินอยู่ ({0}) ถอนเข้าบัญชีธนาคารหรือใช้ให้หมดก่อน รอให้รายการโอนที่กำลังดำเนินการเสร็จสิ้น แล้วจึงลบบัญชี",
};
