import type { ProblemTranslations } from "../types";

/** Thai problem details of the seller center (my shops, bulk CSV, verification documents), keyed by the English template. */
export const sellerShop: ProblemTranslations = {
  "The first line of the CSV must name the columns: sku, and price or stock (or both), e.g. sku,price,stock.":
    "บรรทัดแรกของ CSV ต้องระบุชื่อคอลัมน์: sku และ price หรือ stock (หรือทั้งสอง) เช่น sku,price,stock",
  "The CSV has a header but no rows. Add one row per SKU to change.":
    "CSV มีหัวตารางแต่ไม่มีแถวข้อมูล กรุณาเพิ่มหนึ่งแถวต่อ SKU ที่ต้องการเปลี่ยน",
  "The CSV has {0} rows; one upload may change at most {1}. Split it into smaller files.":
    "CSV มี {0} แถว แต่การอัปโหลดหนึ่งครั้งเปลี่ยนได้ไม่เกิน {1} แถว กรุณาแบ่งเป็นไฟล์ที่เล็กลง",
  "Send the CSV as the request body with Content-Type: text/csv.":
    "กรุณาส่ง CSV เป็นเนื้อหาของคำขอพร้อม Content-Type: text/csv",
  "A bulk CSV may be at most {0} bytes. Split it into smaller files.":
    "ไฟล์ CSV สำหรับแก้ไขหลายรายการมีขนาดได้ไม่เกิน {0} ไบต์ กรุณาแบ่งเป็นไฟล์ที่เล็กลง",
  "The CSV is not valid UTF-8 text. Save it as CSV UTF-8 and upload it again.":
    "CSV ไม่ใช่ข้อความ UTF-8 ที่ถูกต้อง กรุณาบันทึกเป็น CSV UTF-8 แล้วอัปโหลดใหม่",
  "A verification document may be at most {0} bytes. Send a smaller scan or photo.":
    "เอกสารยืนยันตัวตนมีขนาดได้ไม่เกิน {0} ไบต์ กรุณาส่งไฟล์สแกนหรือรูปถ่ายที่เล็กลง",
  "The document is empty. Send the file's bytes as the request body.": "เอกสารว่างเปล่า กรุณาส่งข้อมูลของไฟล์เป็นเนื้อหาของคำขอ",
  "A verification document must be a PDF, JPEG or PNG file. Scan or photograph it in one of those formats.":
    "เอกสารยืนยันตัวตนต้องเป็นไฟล์ PDF, JPEG หรือ PNG กรุณาสแกนหรือถ่ายรูปเป็นรูปแบบใดรูปแบบหนึ่งเหล่านี้",
  "This shop already has {0} documents not yet sent for review. Submit them for verification first.":
    "ร้านนี้มีเอกสาร {0} ฉบับที่ยังไม่ได้ส่งตรวจ กรุณาส่งเอกสารเหล่านั้นเพื่อยืนยันตัวตนก่อน",
  "There is no such document for this shop.": "ไม่พบเอกสารนี้ของร้าน",
  "Send at most {0} documents in one request.": "ส่งเอกสารได้ไม่เกิน {0} ฉบับต่อคำขอ",
  "This shop is already verified: there is nothing to submit.": "ร้านนี้ได้รับการยืนยันแล้ว ไม่มีอะไรต้องส่ง",
  "Every document id must be a document uploaded to this shop and not sent yet. Upload the document first, then send its id.":
    "รหัสเอกสารทุกรายการต้องเป็นเอกสารที่อัปโหลดให้ร้านนี้และยังไม่ได้ส่ง กรุณาอัปโหลดเอกสารก่อน แล้วจึงส่งรหัสของเอกสาร",
  "This shop already has a verification request waiting for review.": "ร้านนี้มีคำขอยืนยันตัวตนที่รอการตรวจอยู่แล้ว",
  "One of these documents was just sent with another request. Reload and try again.":
    "เอกสารฉบับหนึ่งเพิ่งถูกส่งไปกับคำขออื่น กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง",
  "Only the shop's owner can see its verification documents.": "เฉพาะเจ้าของร้านเท่านั้นที่ดูเอกสารยืนยันตัวตนของร้านได้",
  "There is no verification request with this id.": "ไม่พบคำขอยืนยันตัวตนที่มีรหัสนี้",
  "Say why the documents are rejected in note, so the owner can fix them.":
    "กรุณาระบุเหตุผลที่ปฏิเสธเอกสารใน note เพื่อให้เจ้าของร้านแก้ไขได้",
  "This verification request was already decided. Reload the queue.": "คำขอยืนยันตัวตนนี้ได้รับการตัดสินแล้ว กรุณาโหลดคิวใหม่",
};
