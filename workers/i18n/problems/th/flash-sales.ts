import type { ProblemTranslations } from "../types";

/** Thai problem details of flash sales, keyed by the English template. */
export const flashSales: ProblemTranslations = {
  "A flash sale must start in the future and end after it starts.": "แฟลชเซลต้องเริ่มในอนาคตและสิ้นสุดหลังเวลาเริ่ม",
  "Some items cannot go on sale. Fix them (see errors) and try again.":
    "สินค้าบางรายการนำมาลดราคาไม่ได้ กรุณาแก้ไข (ดู errors) แล้วลองใหม่",
  "Another flash sale of the same product overlaps this window. Choose another time or leave that product out.":
    "มีแฟลชเซลอื่นของสินค้าเดียวกันซ้อนทับช่วงเวลานี้ กรุณาเลือกเวลาอื่นหรือนำสินค้านั้นออก",
  "There is no flash sale with this id.": "ไม่มีแฟลชเซลที่มีรหัสนี้",
  "This flash sale has already started. Only an upcoming sale can be cancelled.":
    "แฟลชเซลนี้เริ่มไปแล้ว ยกเลิกได้เฉพาะแฟลชเซลที่ยังไม่เริ่ม",
};
