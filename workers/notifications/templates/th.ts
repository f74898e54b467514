import { PICKUP_TEMPLATES } from "./pickups";
import { RETURN_TEMPLATES } from "./returns";
import type { TemplateCatalog } from "./types";

/** Thai notifications. Thai has no grammatical plural: plurals use only `other`. */
export const th: TemplateCatalog = {
  "order.created": {
    title: "สั่งซื้อแล้ว: คำสั่งซื้อ {number}",
    body: "สินค้า {items, plural, other {# ชิ้น}} จาก {shop} ยอดรวม {total} โปรดชำระเงินภายใน {deadline} เพื่อยืนยันคำสั่งซื้อ",
    sms: "Tchat: คำสั่งซื้อ {number} ({total}) รอการชำระเงิน โปรดชำระภายใน {deadline} มิฉะนั้นคำสั่งซื้อจะถูกยกเลิก",
    email: {
      subject: "คำสั่งซื้อ {number} ของคุณรอการชำระเงิน",
      body:
        "ขอบคุณที่สั่งซื้อสินค้าจาก {shop}\n\n" +
        "คำสั่งซื้อ: {number}\nจำนวนสินค้า: {items, plural, other {# ชิ้น}}\nยอดรวม: {total}\n\n" +
        "โปรดชำระเงินภายใน {deadline} คำสั่งซื้อที่ไม่ได้ชำระเงินจะถูกยกเลิกและคืนสินค้าเข้าสต็อก\n\n" +
        "ดูคำสั่งซื้อ: {link}",
    },
    push: { title: "สั่งซื้อแล้ว: {number}", body: "ชำระ {total} ภายใน {deadline} เพื่อยืนยันคำสั่งซื้อ" },
  },
  "order.paid": {
    title: "ชำระเงินแล้ว: คำสั่งซื้อ {number}",
    body: "เราได้รับเงิน {total} สำหรับคำสั่งซื้อจาก {shop} แล้ว ร้านค้ากำลังเตรียมสินค้าให้คุณ",
    sms: "Tchat: ได้รับชำระเงิน {total} สำหรับคำสั่งซื้อ {number} แล้ว ร้านค้ากำลังเตรียมสินค้า",
    email: {
      subject: "ได้รับชำระเงินแล้ว: คำสั่งซื้อ {number}",
      body:
        "เราได้รับการชำระเงิน {total} สำหรับคำสั่งซื้อ {number} จาก {shop} แล้ว\n\n" +
        "ร้านค้ากำลังเตรียมสินค้า เราจะแจ้งให้ทราบเมื่อจัดส่ง\n\n" +
        "ดูคำสั่งซื้อ: {link}",
    },
  },
  "seller.order_paid": {
    title: "คำสั่งซื้อใหม่ที่ชำระเงินแล้ว {number}",
    body: "สินค้า {items, plural, other {# ชิ้น}} ยอด {total} โปรดแพ็กสินค้าและอัปเดตสถานะเป็นจัดส่งแล้ว",
    sms: "Tchat: คำสั่งซื้อใหม่ {number} ชำระแล้ว ({total}) โปรดแพ็กและจัดส่ง",
    email: {
      subject: "คำสั่งซื้อใหม่ที่ชำระเงินแล้ว {number} ({total})",
      body:
        "ร้าน {shop} มีคำสั่งซื้อใหม่ที่ชำระเงินแล้ว\n\n" +
        "คำสั่งซื้อ: {number}\nจำนวนสินค้า: {items, plural, other {# ชิ้น}}\nยอดรวม: {total}\n\n" +
        "แพ็กสินค้า แล้วอัปเดตเป็นจัดส่งแล้วพร้อมเลขพัสดุ: {link}",
    },
    push: { title: "คำสั่งซื้อใหม่ {number}", body: "{total} สินค้า {items, plural, other {# ชิ้น}}" },
  },
  "order.shipped": {
    title: "คำสั่งซื้อ {number} อยู่ระหว่างจัดส่ง",
    body: "{shop} จัดส่งสินค้าของคุณทาง {courier} แล้ว{hasTracking, select, yes { เลขพัสดุ: {tracking}} other {}}",
    sms: "Tchat: คำสั่งซื้อ {number} จัดส่งทาง {courier} แล้ว{hasTracking, select, yes { เลขพัสดุ {tracking}} other {}}",
    email: {
      subject: "คำสั่งซื้อ {number} จัดส่งแล้ว",
      body:
        "ข่าวดี {shop} จัดส่งคำสั่งซื้อ {number} ของคุณทาง {courier} แล้ว\n" +
        "{hasTracking, select, yes {เลขพัสดุ: {tracking}\n} other {}}\n" +
        "ติดตามคำสั่งซื้อ: {link}",
    },
  },
  "order.delivered": {
    title: "คำสั่งซื้อ {number} จัดส่งถึงแล้ว",
    body: "สินค้าจาก {shop} ถึงมือคุณแล้ว ขอให้สนุกกับสินค้า และเล่าให้ผู้ซื้อคนอื่นฟังด้วยรีวิว",
    sms: "Tchat: คำสั่งซื้อ {number} จัดส่งถึงแล้ว",
    email: {
      subject: "คำสั่งซื้อ {number} จัดส่งถึงแล้ว",
      body: "คำสั่งซื้อ {number} จาก {shop} จัดส่งถึงคุณแล้ว\n\n" + "หวังว่าคุณจะชอบสินค้า รีวิวของคุณช่วยให้ผู้ซื้อคนอื่นตัดสินใจได้: {link}",
    },
  },
  "order.cancelled": {
    title: "คำสั่งซื้อ {number} ถูกยกเลิก",
    body: "คำสั่งซื้อจาก {shop} ถูกยกเลิกแล้ว{refund, select, yes { เงิน {total} ที่ชำระจะได้รับคืน} other {}}",
    sms: "Tchat: คำสั่งซื้อ {number} ถูกยกเลิก{refund, select, yes { จะคืนเงิน {total}} other {}}",
    email: {
      subject: "คำสั่งซื้อ {number} ถูกยกเลิก",
      body:
        "คำสั่งซื้อ {number} จาก {shop} ถูกยกเลิกแล้ว\n\n" +
        "{refund, select, yes {เงิน {total} ที่คุณชำระจะคืนไปยังช่องทางที่ใช้ชำระ\n\n} other {}}" +
        "รายละเอียดคำสั่งซื้อ: {link}",
    },
  },
  "seller.order_cancelled": {
    title: "คำสั่งซื้อ {number} ถูกยกเลิก",
    body: "คำสั่งซื้อ {number} ({total}) ถูกยกเลิกแล้ว ห้ามจัดส่ง ผู้ซื้อได้รับเงินคืน",
    sms: "Tchat: คำสั่งซื้อ {number} ({total}) ถูกยกเลิก ห้ามจัดส่ง",
    email: {
      subject: "คำสั่งซื้อ {number} ถูกยกเลิก: ห้ามจัดส่ง",
      body:
        "คำสั่งซื้อ {number} ({total}) ของร้าน {shop} ถูกยกเลิกหลังชำระเงิน ห้ามจัดส่ง " +
        "ผู้ซื้อได้รับเงินคืนแล้ว\n\nรายละเอียดคำสั่งซื้อ: {link}",
    },
  },
  "order.refunded": {
    title: "คืนเงินคำสั่งซื้อ {number} แล้ว",
    body: "เงิน {total} ที่คุณชำระสำหรับคำสั่งซื้อจาก {shop} ได้รับการคืนแล้ว",
    sms: "Tchat: คืนเงิน {total} ของคำสั่งซื้อ {number} แล้ว",
    email: {
      subject: "คืนเงินคำสั่งซื้อ {number} แล้ว",
      body:
        "เงิน {total} ที่คุณชำระสำหรับคำสั่งซื้อ {number} จาก {shop} ได้คืนไปยังช่องทางที่ใช้ชำระแล้ว " +
        "อาจใช้เวลาสองสามวันกว่าจะแสดง\n\nรายละเอียดคำสั่งซื้อ: {link}",
    },
  },
  "order.expired": {
    title: "คำสั่งซื้อ {number} หมดอายุ",
    body: "คำสั่งซื้อจาก {shop} ไม่ได้ชำระเงินภายในเวลาที่กำหนด จึงถูกยกเลิกและคืนสินค้าเข้าสต็อก",
    sms: "Tchat: คำสั่งซื้อ {number} ไม่ได้ชำระเงินภายในเวลาที่กำหนดและถูกยกเลิกแล้ว",
    email: {
      subject: "คำสั่งซื้อ {number} หมดอายุ",
      body:
        "คำสั่งซื้อ {number} จาก {shop} ไม่ได้ชำระเงินภายในเวลาที่กำหนด จึงถูกยกเลิกและคืนสินค้าเข้าสต็อก\n\n" +
        "ยังต้องการสินค้าอยู่ไหม เพิ่มลงตะกร้าอีกครั้งได้ที่: {link}",
    },
  },
  "payment.failed": {
    title: "ชำระเงินไม่สำเร็จ: คำสั่งซื้อ {number}",
    body:
      "การชำระเงิน {total}{orders, plural, =1 {} other { สำหรับ # คำสั่งซื้อ}} ไม่สำเร็จ " +
      "โปรดลองอีกครั้งหรือเลือกวิธีชำระเงินอื่นก่อนคำสั่งซื้อหมดอายุ",
    sms: "Tchat: ชำระเงิน {total} สำหรับคำสั่งซื้อ {number} ไม่สำเร็จ โปรดลองใหม่ในแอปก่อนคำสั่งซื้อหมดอายุ",
    email: {
      subject: "การชำระเงินสำหรับคำสั่งซื้อ {number} ไม่สำเร็จ",
      body:
        "การชำระเงิน {total}{orders, plural, =1 {} other { สำหรับ # คำสั่งซื้อ}} ไม่สำเร็จ\n\n" +
        "โปรดลองอีกครั้ง หรือเลือกวิธีชำระเงินอื่นก่อนคำสั่งซื้อหมดอายุ: {link}",
    },
  },
  "seller.stock_low": {
    title: "สินค้าใกล้หมด: {product}",
    body:
      "{variant, select, none {} other {{variant}: }}เหลือเพียง {available, plural, =0 {0 ชิ้น} other {# ชิ้น}} " +
      "(ต่ำกว่าระดับแจ้งเตือน {threshold, number}) เติมสต็อกเพื่อขายต่อเนื่อง",
    sms: "Tchat: {product} ใกล้หมด เหลือ {available, plural, other {# ชิ้น}}",
    email: {
      subject: "สินค้าใกล้หมด: {product}",
      body:
        "{product}{variant, select, none {} other { ({variant})}} ใกล้หมด: เหลือ {available, plural, other {# ชิ้น}} " +
        "ต่ำกว่าระดับแจ้งเตือน {threshold, number}\n\nเติมสต็อกเพื่อขายต่อเนื่อง: {link}",
    },
  },
  "chat.message": {
    title: "{group, select, yes {{sender} ใน {dialog}} other {{sender}}}",
    body:
      "{count, plural, =1 {{kind, select, image {ส่งรูปภาพ} file {ส่งไฟล์} location {แชร์ตำแหน่ง} " +
      "sticker {ส่งสติกเกอร์} card {แชร์สินค้า} other {ส่งข้อความถึงคุณ}}} other {ข้อความใหม่ # ข้อความ}}",
    sms: "Tchat: ข้อความใหม่ {count, plural, other {# ข้อความ}} จาก {sender}",
    email: {
      subject: "ข้อความใหม่ {count, plural, other {# ข้อความ}} จาก {sender}",
      body: "{sender} ส่งข้อความถึงคุณ{group, select, yes { ใน {dialog}} other {}} ตอบกลับใน Tchat: {link}",
    },
  },
  "security.alert": {
    title:
      "{alert, select, new_sign_in {มีการเข้าสู่ระบบบัญชีของคุณ} password_changed {รหัสผ่านของคุณถูกเปลี่ยน} " +
      "sessions_revoked {คุณถูกออกจากระบบทุกอุปกรณ์} other {การแจ้งเตือนความปลอดภัย}}",
    body:
      "{alert, select, new_sign_in {{device} เข้าสู่ระบบเมื่อ {at} หากไม่ใช่คุณ โปรดออกจากระบบทุกเซสชันและเปลี่ยนรหัสผ่าน} " +
      "password_changed {รหัสผ่านของคุณถูกเปลี่ยนเมื่อ {at} หากไม่ใช่คุณ โปรดรีเซ็ตทันทีและติดต่อฝ่ายบริการ} " +
      "sessions_revoked {ทุกเซสชันของคุณออกจากระบบแล้วเมื่อ {at}} " +
      "other {บัญชีของคุณมีการเปลี่ยนแปลงเมื่อ {at} โปรดตรวจสอบที่ การตั้งค่า > ความปลอดภัย}}",
    sms: "Tchat ความปลอดภัย: {alert, select, new_sign_in {มีการเข้าสู่ระบบจาก {device} เมื่อ {at}} password_changed {รหัสผ่านถูกเปลี่ยนเมื่อ {at}} other {บัญชีมีการเปลี่ยนแปลงเมื่อ {at}}} หากไม่ใช่คุณ โปรดติดต่อฝ่ายบริการ",
    email: {
      subject: "การแจ้งเตือนความปลอดภัยของบัญชี Tchat",
      body:
        "{alert, select, new_sign_in {{device} เข้าสู่ระบบบัญชีของคุณเมื่อ {at}} " +
        "password_changed {รหัสผ่านของคุณถูกเปลี่ยนเมื่อ {at}} " +
        "sessions_revoked {ทุกเซสชันของคุณออกจากระบบแล้วเมื่อ {at}} other {บัญชีของคุณมีการเปลี่ยนแปลงเมื่อ {at}}}\n\n" +
        "หากไม่ใช่คุณ โปรดรักษาความปลอดภัยบัญชีทันที: {link}",
    },
  },
  "promotion.price_drop": {
    title: "ลดราคา: {product}",
    body: "ตอนนี้ {price} จากเดิม {previousPrice} (ลด {percent, number}%) รีบซื้อก่อนหมด",
    sms: "Tchat: {product} ลดเหลือ {price} (จากเดิม {previousPrice})",
    email: {
      subject: "ลดราคา: {product} เหลือ {price}",
      body: "ข่าวดี {product} ที่คุณเคยดู ลดราคาเหลือ {price} (จากเดิม {previousPrice} ลด {percent, number}%)\n\nดูสินค้า: {link}",
    },
  },
  "promotion.voucher_expiring": {
    title: "โค้ดส่วนลด {code} ใกล้หมดอายุ",
    body: "ใช้โค้ด {code} ก่อน {expires} ก่อนจะหมดอายุ",
    sms: "Tchat: โค้ดส่วนลด {code} ของคุณหมดอายุ {expires}",
    email: {
      subject: "โค้ดส่วนลด {code} หมดอายุ {expires}",
      body: "โค้ดส่วนลด {code} ของคุณจะหมดอายุ {expires} ใช้ตอนชำระเงินก่อนถึงเวลานั้น: {link}",
    },
  },
  ...RETURN_TEMPLATES.th,
  ...PICKUP_TEMPLATES.th,
};
