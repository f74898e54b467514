import type { SellerSettingsMessages } from "./en";

export const sellerSettingsTh: SellerSettingsMessages = {
  "seller.settings": "ตั้งค่าร้าน",
  "sellerSettings.intro": "ชื่อและคำอธิบายร้านเป็นข้อมูลสาธารณะ ส่วนข้อมูลติดต่อและที่อยู่เข้ารับพัสดุจะเห็นได้เฉพาะคุณและเจ้าหน้าที่ของแพลตฟอร์ม",
  "sellerSettings.shop": "ร้านค้า",
  "sellerSettings.name": "ชื่อร้าน",
  "sellerSettings.description": "คำอธิบาย",
  "sellerSettings.contact": "ข้อมูลติดต่อ",
  "sellerSettings.phone": "โทรศัพท์",
  "sellerSettings.email": "อีเมล",
  "sellerSettings.address": "ที่อยู่ธุรกิจ (หนึ่งบรรทัด)",
  "sellerSettings.pickup": "ที่อยู่เข้ารับพัสดุ",
  "sellerSettings.pickupHelp":
    "ที่ที่ขนส่งมารับพัสดุของคุณ ขนส่งอย่าง Flash Express และ GHN คิดราคาและจองตามเขต/อำเภอ จังหวัด และรหัสไปรษณีย์ของที่อยู่นี้",
  "sellerSettings.country": "ประเทศ: {country} (ประเทศของร้าน กำหนดไว้ตอนเปิดร้าน)",
  "sellerSettings.street": "บ้านเลขที่และถนน",
  "sellerSettings.street2": "อาคาร ชั้น ห้อง (ไม่บังคับ)",
  "sellerSettings.city": "แขวง/ตำบล, เขต/อำเภอ",
  "sellerSettings.cityHint":
    "ไทย: แขวง/ตำบล, เขต/อำเภอ (คลองเตยเหนือ, วัฒนา) เวียดนาม: แขวง, เขต (Phường Bến Nghé, Quận 1) อินโดนีเซีย: kecamatan หรือ kota",
  "sellerSettings.province": "จังหวัด",
  "sellerSettings.postalCode": "รหัสไปรษณีย์",
  "sellerSettings.pickupIncomplete": "กรอกถนน เขต/อำเภอ จังหวัด และรหัสไปรษณีย์ของที่อยู่เข้ารับพัสดุให้ครบ หรือเว้นว่างทั้งหมด",
  "sellerSettings.save": "บันทึกการตั้งค่า",
  "sellerSettings.saving": "กำลังบันทึก…",
  "sellerSettings.saved": "บันทึกการตั้งค่าแล้ว",
};
