import type { ChatNewMessages } from "./en";

/** {'th': 'Thai', 'id': 'Indonesian', 'ms': 'Malay', 'fil': 'Filipino', 'vi': 'Vietnamese'} words of /chat/new and of a session signed out from another device. */
export const chatNewTh: ChatNewMessages = {
  "chatNew.link": "ค้นหาคนด้วยหมายเลขโทรศัพท์",
  "chatNew.title": "แชทใหม่",
  "chatNew.intro": "ใส่หมายเลขโทรศัพท์ที่อีกฝ่ายใช้เข้าสู่ระบบ ตรวจสอบชื่อก่อนเริ่มแชท",
  "chatNew.country": "ประเทศ",
  "chatNew.phone": "หมายเลขโทรศัพท์",
  "chatNew.phoneHint": "ตัวอย่าง {national} หรือ {international}",
  "chatNew.find": "ค้นหา",
  "chatNew.finding": "กำลังค้นหา…",
  "chatNew.found": "พบผู้ใช้",
  "chatNew.start": "เริ่มแชทกับ {name}",
  "chatNew.starting": "กำลังเปิดแชท…",
  "chatNew.back": "กลับไปที่รายการแชท",
  "session.revokedElsewhere": "คุณออกจากระบบแล้ว เพราะอุปกรณ์นี้ถูกสั่งให้ออกจากระบบจากอุปกรณ์อื่น กรุณาเข้าสู่ระบบอีกครั้งเพื่อใช้งานต่อ",
  "session.signInAgain": "เข้าสู่ระบบอีกครั้ง",
  "session.dismiss": "ปิด",
};
