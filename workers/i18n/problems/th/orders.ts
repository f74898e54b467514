import type { ProblemTranslations } from "../types";

/** Thai problem details of orders, checkout, vouchers, payments and notifications, keyed by the English template. */
export const orders: ProblemTranslations = {
  "You have no notification with this id.": "ไม่พบการแจ้งเตือนของคุณที่มีรหัสนี้",
  "You have no push device with this id.": "ไม่พบอุปกรณ์รับการแจ้งเตือนของคุณที่มีรหัสนี้",
  "There is no active product with this id.": "ไม่พบสินค้าที่วางขายอยู่ซึ่งมีรหัสนี้",
  "The product is priced in {0}. Fix previousPrice.currency and send it again.":
    "สินค้านี้ตั้งราคาเป็น {0} กรุณาแก้ไข previousPrice.currency แล้วส่งอีกครั้ง",
  "The product's price now is not lower than previousPrice. Fix previousPrice.amount and send it again.":
    "ราคาปัจจุบันของสินค้าไม่ได้ต่ำกว่า previousPrice กรุณาแก้ไข previousPrice.amount แล้วส่งอีกครั้ง",
  "There is no voucher with this code.": "ไม่พบบัตรกำนัลที่มีรหัสนี้",
  "This voucher has no expiry ahead of it. Fix voucherCode and send it again.":
    "บัตรกำนัลนี้ไม่มีวันหมดอายุที่กำลังจะมาถึง กรุณาแก้ไข voucherCode แล้วส่งอีกครั้ง",
  "At most {0} recipients per promotion. Fix userIds and send it again.":
    "โปรโมชันหนึ่งส่งถึงผู้รับได้ไม่เกิน {0} คน กรุณาแก้ไข userIds แล้วส่งอีกครั้ง",
  "Nothing exists at this address.": "ไม่มีสิ่งใดอยู่ที่ที่อยู่นี้",
  "At most {0} events per call (NOTIFICATIONS_BENCH_MAX_EVENTS).":
    "ส่งได้ไม่เกิน {0} เหตุการณ์ต่อการเรียกหนึ่งครั้ง (NOTIFICATIONS_BENCH_MAX_EVENTS)",
  "Resend webhooks cannot be verified here: set RESEND_WEBHOOK_SECRET (whsec_...) for this environment.":
    "ไม่สามารถยืนยัน webhook ของ Resend ได้ที่นี่ กรุณาตั้งค่า RESEND_WEBHOOK_SECRET (whsec_...) สำหรับสภาพแวดล้อมนี้",
  "Twilio callbacks cannot be verified here: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN for this environment.":
    "ไม่สามารถยืนยัน callback ของ Twilio ได้ที่นี่ กรุณาตั้งค่า TWILIO_ACCOUNT_SID และ TWILIO_AUTH_TOKEN สำหรับสภาพแวดล้อมนี้",
  "Twilio status callbacks are form-encoded (application/x-www-form-urlencoded).":
    "callback สถานะของ Twilio ต้องเข้ารหัสแบบฟอร์ม (application/x-www-form-urlencoded)",
  "There is no order with this id.": "ไม่พบคำสั่งซื้อที่มีรหัสนี้",
  "This order is not yours, nor your shop's.": "คำสั่งซื้อนี้ไม่ใช่ของคุณ และไม่ใช่ของร้านคุณ",
  "There is no order with this id. Guests: send the X-Cart-Token used at checkout.":
    "ไม่พบคำสั่งซื้อที่มีรหัสนี้ สำหรับผู้ใช้ทั่วไปที่ไม่ได้เข้าสู่ระบบ กรุณาส่ง X-Cart-Token ที่ใช้ตอนชำระเงิน",
  "A shipped order can no longer be cancelled; ask for a return once it arrives.":
    "คำสั่งซื้อที่จัดส่งแล้วไม่สามารถยกเลิกได้ กรุณาขอคืนสินค้าเมื่อได้รับสินค้าแล้ว",
  "An order that is {0} can no longer be cancelled.": "คำสั่งซื้อที่อยู่ในสถานะ {0} ไม่สามารถยกเลิกได้แล้ว",
  "This checkout was interrupted and then abandoned: your items are back in your cart and nothing is reserved. Check out again with a new Idempotency-Key.":
    "การชำระเงินครั้งนี้ถูกขัดจังหวะและถูกยกเลิกไป สินค้าของคุณกลับไปอยู่ในตะกร้าแล้วและไม่มีการจองสินค้าไว้ กรุณาชำระเงินอีกครั้งโดยใช้ Idempotency-Key ใหม่",
  "Your cart is empty. Add items first.": "ตะกร้าของคุณว่างอยู่ กรุณาเพิ่มสินค้าก่อน",
  "You already have {0} unpaid orders holding stock and this checkout makes {1} more; one buyer may have at most {2} open at a time. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "คุณมีคำสั่งซื้อที่ยังไม่ชำระเงินซึ่งกันสต็อกไว้อยู่แล้ว {0} รายการ และการชำระเงินครั้งนี้จะเพิ่มอีก {1} รายการ ผู้ซื้อหนึ่งคนมีคำสั่งซื้อค้างอยู่ได้ไม่เกิน {2} รายการในเวลาเดียวกัน กรุณาชำระเงินหรือยกเลิกคำสั่งซื้อที่ยังไม่ชำระรายการใดรายการหนึ่ง แล้วชำระเงินอีกครั้ง (ด้วย Idempotency-Key ใหม่)",
  "Your unpaid orders already hold {0} units and this checkout would hold {1} more; one buyer may hold at most {2} units in unpaid orders. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key). Or buy fewer units.":
    "คำสั่งซื้อที่ยังไม่ชำระเงินของคุณกันสินค้าไว้แล้ว {0} ชิ้น และการชำระเงินครั้งนี้จะกันเพิ่มอีก {1} ชิ้น ผู้ซื้อหนึ่งคนกันสินค้าในคำสั่งซื้อที่ยังไม่ชำระได้ไม่เกิน {2} ชิ้น กรุณาชำระเงินหรือยกเลิกคำสั่งซื้อที่ยังไม่ชำระรายการใดรายการหนึ่ง แล้วชำระเงินอีกครั้ง (ด้วย Idempotency-Key ใหม่) หรือซื้อในจำนวนที่น้อยลง",
  "Unpaid orders checked out from your network already hold {0} orders and {1} units; at most {2} orders and {3} units may be open per IP address. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "คำสั่งซื้อที่ยังไม่ชำระเงินจากเครือข่ายของคุณมีอยู่แล้ว {0} รายการ รวม {1} ชิ้น แต่ละ IP address มีคำสั่งซื้อค้างได้ไม่เกิน {2} รายการและ {3} ชิ้น กรุณาชำระเงินหรือยกเลิกคำสั่งซื้อที่ยังไม่ชำระรายการใดรายการหนึ่ง แล้วชำระเงินอีกครั้ง (ด้วย Idempotency-Key ใหม่)",
  "Some items in your cart are no longer for sale. Remove them (POST /api/v1/cart/validate lists them) and check out again.":
    "สินค้าบางรายการในตะกร้าของคุณไม่มีขายแล้ว กรุณานำออก (POST /api/v1/cart/validate จะแสดงรายการเหล่านั้น) แล้วชำระเงินอีกครั้ง",
  "Your cart mixes currencies. Keep items of one currency and check out again.":
    "ตะกร้าของคุณมีสินค้าหลายสกุลเงิน กรุณาเก็บไว้เฉพาะสินค้าสกุลเงินเดียวแล้วชำระเงินอีกครั้ง",
  "Guests send the address inline as shippingAddress.": "ผู้ใช้ทั่วไปที่ไม่ได้เข้าสู่ระบบต้องส่งที่อยู่มาโดยตรงใน shippingAddress",
  "You have no saved address with this id.": "ไม่พบที่อยู่ที่บันทึกไว้ของคุณที่มีรหัสนี้",
  "This checkout could not reserve its stock. Check out again.": "การชำระเงินครั้งนี้ไม่สามารถจองสต็อกได้ กรุณาชำระเงินอีกครั้ง",
  "Some items do not have enough stock left. Lower the quantities (see errors) and check out again; nothing was reserved.":
    "สินค้าบางรายการมีสต็อกไม่พอ กรุณาลดจำนวน (ดูที่ errors) แล้วชำระเงินอีกครั้ง ยังไม่มีการจองสินค้าใดๆ",
  "Your cart is empty. Add items first (guests: send the X-Cart-Token of your cart).":
    "ตะกร้าของคุณว่างอยู่ กรุณาเพิ่มสินค้าก่อน (ผู้ใช้ทั่วไปที่ไม่ได้เข้าสู่ระบบ กรุณาส่ง X-Cart-Token ของตะกร้า)",
  "Guests need a contactEmail for the order confirmation.":
    "ผู้ใช้ทั่วไปที่ไม่ได้เข้าสู่ระบบต้องระบุ contactEmail เพื่อรับการยืนยันคำสั่งซื้อ",
  "Another attempt with this Idempotency-Key has taken this checkout over. Retry in a moment to get its answer.":
    "มีคำขออื่นที่ใช้ Idempotency-Key เดียวกันรับช่วงการชำระเงินนี้ไปแล้ว กรุณาลองอีกครั้งในอีกสักครู่เพื่อรับผลลัพธ์",
  "Your open orders or the voucher changed while this checkout ran. Check out again.":
    "คำสั่งซื้อที่ค้างอยู่หรือบัตรกำนัลของคุณมีการเปลี่ยนแปลงระหว่างการชำระเงิน กรุณาชำระเงินอีกครั้ง",
  "Sign in, or send the X-Cart-Token you checked out with.": "กรุณาเข้าสู่ระบบ หรือส่ง X-Cart-Token ที่คุณใช้ตอนชำระเงิน",
  "Only the shop's owner sees its orders.": "เฉพาะเจ้าของร้านเท่านั้นที่ดูคำสั่งซื้อของร้านได้",
  "Shop {0} ships within {1} only; it cannot deliver to {2}.": "ร้าน {0} จัดส่งภายใน {1} เท่านั้น จึงจัดส่งไปยัง {2} ไม่ได้",
  "Shop {0} ships within its own country only; it cannot deliver to {1}.":
    "ร้าน {0} จัดส่งภายในประเทศของร้านเท่านั้น จึงจัดส่งไปยัง {1} ไม่ได้",
  "Only the shop's owner moves an order along; buyers can cancel with POST /orders/:id/cancel.":
    "เฉพาะเจ้าของร้านเท่านั้นที่เปลี่ยนสถานะคำสั่งซื้อได้ ผู้ซื้อยกเลิกได้ด้วย POST /orders/:id/cancel",
  "Shipping needs the parcel's trackingNumber (and courier).": "การจัดส่งต้องระบุ trackingNumber ของพัสดุ (และ courier)",
  "An order that is {0} cannot become {1}. Possible: {2}.":
    "คำสั่งซื้อที่อยู่ในสถานะ {0} ไม่สามารถเปลี่ยนเป็น {1} ได้ สถานะที่เปลี่ยนได้: {2}",
  "An order that is {0} cannot become {1}. No further change is possible.":
    "คำสั่งซื้อที่อยู่ในสถานะ {0} ไม่สามารถเปลี่ยนเป็น {1} ได้ และไม่สามารถเปลี่ยนสถานะได้อีก",
  "An order that is {0} cannot become {1} by the {2}. Possible: {3}.":
    "คำสั่งซื้อที่อยู่ในสถานะ {0} ไม่สามารถเปลี่ยนเป็น {1} โดย {2} ได้ สถานะที่เปลี่ยนได้: {3}",
  "An order that is {0} cannot become {1} by the {2}. No further change is possible.":
    "คำสั่งซื้อที่อยู่ในสถานะ {0} ไม่สามารถเปลี่ยนเป็น {1} โดย {2} ได้ และไม่สามารถเปลี่ยนสถานะได้อีก",
  "The order changed while this request was being handled. Read it again and retry.":
    "คำสั่งซื้อมีการเปลี่ยนแปลงระหว่างที่กำลังดำเนินการคำขอนี้ กรุณาโหลดคำสั่งซื้อใหม่แล้วลองอีกครั้ง",
  "This voucher code does not exist. Check the spelling.": "ไม่มีรหัสบัตรกำนัลนี้ กรุณาตรวจสอบการสะกด",
  "This voucher is not valid yet.": "บัตรกำนัลนี้ยังใช้ไม่ได้ในขณะนี้",
  "This voucher has expired.": "บัตรกำนัลนี้หมดอายุแล้ว",
  "This voucher is for a shop that is not in your cart.": "บัตรกำนัลนี้ใช้ได้กับร้านที่ไม่มีสินค้าอยู่ในตะกร้าของคุณ",
  "This voucher has been fully used.": "บัตรกำนัลนี้ถูกใช้ครบจำนวนแล้ว",
  "This voucher is for {0} orders; your cart is in {1}.": "บัตรกำนัลนี้ใช้ได้กับคำสั่งซื้อสกุลเงิน {0} แต่ตะกร้าของคุณเป็นสกุลเงิน {1}",
  "Spend at least {0} {1} to use this voucher.": "กรุณาซื้อขั้นต่ำ {0} {1} เพื่อใช้บัตรกำนัลนี้",
  "You have already used this voucher as many times as allowed.": "คุณใช้บัตรกำนัลนี้ครบจำนวนครั้งที่กำหนดแล้ว",
  "The sandbox gateway is off here. Choose stripe, midtrans, xendit or omise.":
    "ช่องทางชำระเงิน sandbox ปิดอยู่ที่นี่ กรุณาเลือก stripe, midtrans, xendit หรือ omise",
  "The {0} gateway is not available here: {1}": "ช่องทางชำระเงิน {0} ใช้ไม่ได้ที่นี่: {1}",
  "Another payment for these orders is being started right now. Try again in a moment.":
    "กำลังเริ่มการชำระเงินอื่นสำหรับคำสั่งซื้อเหล่านี้อยู่ กรุณาลองอีกครั้งในอีกสักครู่",
  "{0} cannot take {1} payments in {2}. Choose another method or gateway.":
    "{0} ไม่รองรับการชำระเงินแบบ {1} ในสกุลเงิน {2} กรุณาเลือกวิธีชำระเงินหรือช่องทางชำระเงินอื่น",
  "The stock hold of these orders has run out; they are expiring. Check out again.":
    "การกันสต็อกของคำสั่งซื้อเหล่านี้หมดเวลาแล้ว และคำสั่งซื้อกำลังจะหมดอายุ กรุณาชำระเงินอีกครั้ง",
  "A newer payment request for these orders replaced this one. Use the newer payment.":
    "มีคำขอชำระเงินใหม่กว่าสำหรับคำสั่งซื้อเหล่านี้มาแทนที่รายการนี้แล้ว กรุณาใช้การชำระเงินรายการใหม่",
  "Some of these orders do not exist or are not yours.": "คำสั่งซื้อบางรายการไม่มีอยู่หรือไม่ใช่ของคุณ",
  "Only unpaid orders can be paid, and order {0} is no longer awaiting payment.":
    "ชำระเงินได้เฉพาะคำสั่งซื้อที่ยังไม่ชำระเท่านั้น และคำสั่งซื้อ {0} ไม่ได้รอการชำระเงินแล้ว",
  "Only unpaid orders can be paid, and orders {0} are no longer awaiting payment.":
    "ชำระเงินได้เฉพาะคำสั่งซื้อที่ยังไม่ชำระเท่านั้น และคำสั่งซื้อ {0} ไม่ได้รอการชำระเงินแล้ว",
  "Pay for orders of one currency at a time.": "กรุณาชำระเงินคำสั่งซื้อทีละสกุลเงิน",
  "{0} gave an answer we could not read, so this payment was not started. Try again in a moment, or choose another gateway.":
    "{0} ตอบกลับในรูปแบบที่เราอ่านไม่ได้ จึงยังไม่ได้เริ่มการชำระเงินนี้ กรุณาลองอีกครั้งในอีกสักครู่ หรือเลือกช่องทางชำระเงินอื่น",
  "{0} is not answering right now. Try again in a moment, or choose another gateway.":
    "{0} ไม่ตอบสนองในขณะนี้ กรุณาลองอีกครั้งในอีกสักครู่ หรือเลือกช่องทางชำระเงินอื่น",
  "{0} refused this payment: {1}": "{0} ปฏิเสธการชำระเงินนี้: {1}",
  "There is no payment with this id.": "ไม่พบการชำระเงินที่มีรหัสนี้",
  "This payment is not yours.": "การชำระเงินนี้ไม่ใช่ของคุณ",
  "There is no payment with this id. Guests: send the X-Cart-Token used at checkout.":
    "ไม่พบการชำระเงินที่มีรหัสนี้ สำหรับผู้ใช้ทั่วไปที่ไม่ได้เข้าสู่ระบบ กรุณาส่ง X-Cart-Token ที่ใช้ตอนชำระเงิน",
  "The webhook signature is missing or wrong.": "ลายเซ็นของ webhook ไม่มีหรือไม่ถูกต้อง",
  "The event was refused: {0}. It has been logged for review.": "เหตุการณ์นี้ถูกปฏิเสธ: {0} เราบันทึกไว้เพื่อตรวจสอบแล้ว",
  "Only sandbox payments can be simulated; this one is handled by its gateway.":
    "จำลองได้เฉพาะการชำระเงินแบบ sandbox เท่านั้น รายการนี้ดำเนินการโดยช่องทางชำระเงินของรายการเอง",
  "This payment was cancelled at the gateway (a newer payment request replaced it, or its orders ended). Pay the open payment instead.":
    "การชำระเงินนี้ถูกยกเลิกที่ช่องทางชำระเงินแล้ว (มีคำขอชำระเงินใหม่กว่ามาแทนที่ หรือคำสั่งซื้อสิ้นสุดแล้ว) กรุณาชำระเงินรายการที่ยังเปิดอยู่แทน",
  // Stripe's regional methods (PayNow, FPX, GrabPay): currency rules and the FPX bank.
  "PayNow takes only Singapore dollars (SGD). Choose another method.":
    "PayNow รับเฉพาะเงินดอลลาร์สิงคโปร์ (SGD) กรุณาเลือกวิธีชำระเงินอื่น",
  "FPX takes only Malaysian ringgit (MYR). Choose another method.":
    "FPX รับเฉพาะเงินริงกิตมาเลเซีย (MYR) กรุณาเลือกวิธีชำระเงินอื่น",
  "GrabPay takes only Singapore dollars (SGD) or Malaysian ringgit (MYR). Choose another method.":
    "GrabPay รับเฉพาะเงินดอลลาร์สิงคโปร์ (SGD) หรือริงกิตมาเลเซีย (MYR) กรุณาเลือกวิธีชำระเงินอื่น",
  "Only FPX payments take a bank. Leave bank out.": "ระบุธนาคารได้เฉพาะการชำระเงินผ่าน FPX เท่านั้น กรุณาไม่ต้องส่ง bank",
  "Choose your bank for FPX: send bank with one of the codes the payment options list.":
    "กรุณาเลือกธนาคารของคุณสำหรับ FPX: ส่ง bank เป็นรหัสหนึ่งในรายการตัวเลือกการชำระเงิน",
  "FPX does not know this bank. Send one of the bank codes the payment options list.":
    "FPX ไม่รู้จักธนาคารนี้ กรุณาส่งรหัสธนาคารหนึ่งในรายการตัวเลือกการชำระเงิน",
  "A delivered or completed order is refunded with its payment: POST /api/v1/admin/payments/:id/refund (an operator), or through a return.":
    "คำสั่งซื้อที่จัดส่งถึงแล้วหรือเสร็จสมบูรณ์แล้วจะคืนเงินพร้อมกับการชำระเงิน: POST /api/v1/admin/payments/:id/refund (โดยผู้ดูแลระบบ) หรือผ่านการคืนสินค้า",
};
