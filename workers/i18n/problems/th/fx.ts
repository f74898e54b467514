import type { ProblemTranslations } from "../types";

/** Thai problem details of FX quotes and wallet conversions, keyed by the English template. */
export const fx: ProblemTranslations = {
  "Choose a target currency other than the one you convert from.": "กรุณาเลือกสกุลเงินปลายทางที่ไม่ใช่สกุลเงินที่คุณแลกออก",
  "Rupiah amounts are whole rupiah: send an amount that is a multiple of 100 minor units.":
    "จำนวนเงินรูเปียห์ต้องเป็นรูเปียห์เต็มจำนวน: กรุณาส่งจำนวนที่เป็นพหุคูณของ 100 หน่วยย่อย",
  "Exchange rates are being updated and no quote can be given right now. Try again in a few minutes.":
    "อัตราแลกเปลี่ยนกำลังอัปเดตและยังให้ใบเสนอราคาไม่ได้ในขณะนี้ กรุณาลองใหม่ในอีกไม่กี่นาที",
  "This amount is too small to convert: the fee is {0}. Convert more.":
    "จำนวนนี้น้อยเกินไปที่จะแลก: ค่าธรรมเนียมคือ {0} กรุณาแลกมากขึ้น",
  "This quote has expired. Ask for a new quote and convert with it.":
    "ใบเสนอราคานี้หมดอายุแล้ว กรุณาขอใบเสนอราคาใหม่แล้วแลกด้วยใบนั้น",
  "This quote was already used for a conversion. Ask for a new quote.":
    "ใบเสนอราคานี้ถูกใช้แลกเงินไปแล้ว กรุณาขอใบเสนอราคาใหม่",
  "This Idempotency-Key already converted another quote. Use a new key for a new conversion.":
    "Idempotency-Key นี้ถูกใช้แลกเงินด้วยใบเสนอราคาอื่นแล้ว กรุณาใช้คีย์ใหม่สำหรับการแลกครั้งใหม่",
  "Your wallet is restricted: it cannot convert money now. Contact support to lift the restriction.":
    "กระเป๋าเงินของคุณถูกจำกัด: ไม่สามารถแลกเงินได้ในขณะนี้ กรุณาติดต่อฝ่ายสนับสนุนเพื่อยกเลิกการจำกัด",
  "Your wallet has {0} available, less than this conversion. Top up or ask for a smaller quote.":
    "กระเป๋าเงินของคุณมียอดที่ใช้ได้ {0} ซึ่งน้อยกว่ายอดที่จะแลก กรุณาเติมเงินหรือขอใบเสนอราคาที่น้อยลง",
  "This wallet may hold at most {0}; {1} of room remains. Ask for a smaller quote.":
    "กระเป๋าเงินนี้มียอดได้ไม่เกิน {0} ขณะนี้รับเพิ่มได้อีก {1} กรุณาขอใบเสนอราคาที่น้อยลง",
  "There is no FX quote with this id. Ask for a quote first.": "ไม่พบใบเสนอราคาแลกเงินที่มีรหัสนี้ กรุณาขอใบเสนอราคาก่อน",
  "This amount is too large to convert at once. Convert less.": "จำนวนนี้มากเกินกว่าจะแลกได้ในครั้งเดียว กรุณาแลกน้อยลง",
};
