import type { ProblemTranslations } from "../types";

/** Thai problem details of returns and delivery-address changes, keyed by the English template. */
export const returns: ProblemTranslations = {
  "Only the buyer can change the delivery address.": "เฉพาะผู้ซื้อเท่านั้นที่เปลี่ยนที่อยู่จัดส่งได้",
  "The order has left the shop; its delivery address can no longer change.": "คำสั่งซื้อออกจากร้านแล้ว จึงเปลี่ยนที่อยู่จัดส่งไม่ได้อีก",
  "The new address must be in the country the order ships to: its shipping and tax were priced for it. Cancel and order again to ship elsewhere.":
    "ที่อยู่ใหม่ต้องอยู่ในประเทศเดียวกับที่คำสั่งซื้อจัดส่งไป เพราะค่าส่งและภาษีคำนวณตามประเทศนั้น หากต้องการส่งที่อื่น กรุณายกเลิกแล้วสั่งซื้อใหม่",
  "There is no return with this id.": "ไม่พบการคืนสินค้าที่มีรหัสนี้",
  "Only the owner of the shop that sold these items can decide on this return.":
    "เฉพาะเจ้าของร้านที่ขายสินค้าเหล่านี้เท่านั้นที่ตัดสินการคืนสินค้านี้ได้",
  "This order has no such item. Return only items of this order.": "คำสั่งซื้อนี้ไม่มีสินค้านี้ คืนได้เฉพาะสินค้าในคำสั่งซื้อนี้",
  "You asked to return more units than you bought and have not yet returned. Lower the quantity.":
    "คุณขอคืนสินค้ามากกว่าจำนวนที่ซื้อและยังไม่ได้คืน กรุณาลดจำนวนลง",
  "Only the buyer of this order can ask for a return.": "เฉพาะผู้ซื้อของคำสั่งซื้อนี้เท่านั้นที่ขอคืนสินค้าได้",
  "Only a delivered order can be returned, within the return window.":
    "คืนสินค้าได้เฉพาะคำสั่งซื้อที่จัดส่งถึงแล้ว และภายในระยะเวลาคืนสินค้า",
  "The return window of {0} days after delivery is over.": "ระยะเวลาคืนสินค้า {0} วันหลังได้รับสินค้าสิ้นสุดแล้ว",
  "Some photos are not pictures you uploaded. Upload your photos with POST /api/v1/media and send their ids.":
    "รูปบางรูปไม่ใช่รูปที่คุณอัปโหลด กรุณาอัปโหลดรูปด้วย POST /api/v1/media แล้วส่งรหัสของรูปนั้น",
  "Another return of this order was asked for at the same moment. Read the order's returns and try again.":
    "มีคำขอคืนสินค้าอีกรายการของคำสั่งซื้อนี้เข้ามาในเวลาเดียวกัน กรุณาดูรายการคืนสินค้าของคำสั่งซื้อแล้วลองอีกครั้ง",
  "This return waits for the shop's decision; it can only be approved or rejected.":
    "การคืนสินค้านี้รอการตัดสินจากร้าน ทำได้เพียงอนุมัติหรือปฏิเสธ",
  "This return was approved; it can only be marked as received.": "การคืนสินค้านี้ได้รับอนุมัติแล้ว ทำได้เพียงบันทึกว่าได้รับสินค้าแล้ว",
  "This return was rejected; it can no longer change.": "การคืนสินค้านี้ถูกปฏิเสธแล้ว จึงเปลี่ยนแปลงไม่ได้อีก",
  "This return was already received; its refund is on its way.": "ได้รับสินค้าคืนนี้แล้ว เงินคืนกำลังดำเนินการ",
  "This return was already received and refunded; it can no longer change.":
    "ได้รับสินค้าคืนและคืนเงินเรียบร้อยแล้ว จึงเปลี่ยนแปลงไม่ได้อีก",
  "There is no such photo of a return you may see. Return photos are shown to the buyer and the shop's owner.":
    "ไม่มีรูปภาพการคืนสินค้านี้ที่คุณดูได้ รูปภาพการคืนสินค้าแสดงเฉพาะผู้ซื้อและเจ้าของร้าน",
  "This photo is no longer stored: its uploader's account was erased.": "รูปภาพนี้ไม่ได้จัดเก็บแล้ว เพราะบัญชีของผู้อัปโหลดถูกลบ",
};
