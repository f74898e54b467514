import type { ProblemTranslations } from "../types";

/** Thai reasons of the bulk CSV report's refused rows (seller center), keyed by the English template. */
export const sellerCsv: ProblemTranslations = {
  "No product or variant of this shop has this SKU.": "ไม่มีสินค้าหรือตัวเลือกสินค้าของร้านนี้ที่ใช้ SKU นี้",
  "This product has variants: set the stock of each variant on its own line, by its SKU.":
    "สินค้านี้มีตัวเลือก: กรุณากำหนดสต็อกของแต่ละตัวเลือกในบรรทัดของตัวเองตาม SKU ของตัวเลือกนั้น",
  "Unpaid orders hold {0} units of this SKU: stock may not go below that.":
    "คำสั่งซื้อที่ยังไม่ชำระเงินจอง SKU นี้ไว้ {0} ชิ้น: สต็อกต้องไม่ต่ำกว่าจำนวนนั้น",
  "Unpaid orders reserved units of this SKU while the file was applied: upload it again.":
    "มีคำสั่งซื้อที่ยังไม่ชำระเงินจอง SKU นี้ระหว่างที่กำลังนำไฟล์ไปใช้: กรุณาอัปโหลดอีกครั้ง",
  "The price must be a positive amount in {0} with at most {1} decimals, such as {2}.":
    "ราคาต้องเป็นจำนวนบวกในสกุล {0} ที่มีทศนิยมไม่เกิน {1} ตำแหน่ง เช่น {2}",
  "Stock must be a whole number from 0 to {0}.": "สต็อกต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง {0}",
  "The sku cell is empty: name the product's SKU.": "ช่อง sku ว่างอยู่: กรุณาระบุ SKU ของสินค้า",
  "Both price and stock are empty: fill in at least one.": "ทั้งราคาและสต็อกว่างอยู่: กรุณากรอกอย่างน้อยหนึ่งช่อง",
  "This SKU is already listed on an earlier line: list it once.": "SKU นี้อยู่ในบรรทัดก่อนหน้าแล้ว: กรุณาระบุเพียงครั้งเดียว",
  "{0} prices are whole units: round the price to whole {1}.": "ราคาในสกุล {0} เป็นหน่วยเต็ม: กรุณาปัดราคาเป็นจำนวนเต็มของ {1}",
};
