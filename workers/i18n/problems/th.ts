import type { ProblemTranslations } from "../problem-details";

/** Problem details in th, keyed by the English template (see workers/i18n/problem-details.ts). */
export const th: ProblemTranslations = {
  "Nothing exists at {0}. See /docs for the API's paths.": "ไม่มีสิ่งใดอยู่ที่ {0} ดูเส้นทางของ API ได้ที่ /docs",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.": "หมายเลขนี้ไม่ใช่หมายเลขโทรศัพท์ที่ถูกต้องของ {0} กรุณากรอกหมายเลขมือถือของ {1} เช่น {2} หรือ {3}",
  "This shop sells in {0}, so prices must be in {1}, not {2}.": "ร้านนี้ขายเป็นสกุลเงิน {0} ราคาจึงต้องเป็น {1} ไม่ใช่ {2}",
};
