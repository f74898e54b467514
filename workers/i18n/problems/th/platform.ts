import type { ProblemTranslations } from "../types";

/** Thai problem details of the platform: accounts, sign-in, sessions, request checks and rate limits, keyed by the English template. */
export const platform: ProblemTranslations = {
  "{0} is not supported here. Use {1}.": "ที่นี่ไม่รองรับ {0} กรุณาใช้ {1}",
  "This account is suspended. Contact support to have it reinstated.": "บัญชีนี้ถูกระงับ กรุณาติดต่อฝ่ายสนับสนุนเพื่อขอเปิดใช้งานอีกครั้ง",
  "There is no account with this id.": "ไม่พบบัญชีที่มีรหัสนี้",
  "This account was deleted; there is nothing to change.": "บัญชีนี้ถูกลบแล้ว จึงไม่มีสิ่งใดให้เปลี่ยนแปลง",
  "You can keep at most {0} addresses. Delete one first.": "คุณบันทึกที่อยู่ได้สูงสุด {0} รายการ กรุณาลบที่อยู่ใดที่อยู่หนึ่งก่อน",
  "You have no address with this id.": "ไม่พบที่อยู่ของคุณที่มีรหัสนี้",
  "Send the access token as 'Authorization: Bearer <token>'.":
    "กรุณาส่งโทเค็นการเข้าถึงในรูปแบบ 'Authorization: Bearer <token>'",
  "This session has ended. Sign in again.": "เซสชันนี้สิ้นสุดแล้ว กรุณาเข้าสู่ระบบอีกครั้ง",
  "A code was just sent to this number. Wait 1 second before asking for another.":
    "เราเพิ่งส่งรหัสไปยังหมายเลขนี้ กรุณารอ 1 วินาทีก่อนขอรหัสใหม่",
  "A code was just sent to this number. Wait {0} seconds before asking for another.":
    "เราเพิ่งส่งรหัสไปยังหมายเลขนี้ กรุณารอ {0} วินาทีก่อนขอรหัสใหม่",
  "There is no valid code for this number: it expired or was used. Request a new code.":
    "ไม่มีรหัสที่ใช้ได้สำหรับหมายเลขนี้ รหัสอาจหมดอายุหรือถูกใช้ไปแล้ว กรุณาขอรหัสใหม่",
  "Too many wrong codes. Request a new code and try again.": "กรอกรหัสผิดหลายครั้งเกินไป กรุณาขอรหัสใหม่แล้วลองอีกครั้ง",
  "This code was already used. Request a new code.": "รหัสนี้ถูกใช้ไปแล้ว กรุณาขอรหัสใหม่",
  "This account is not active. Contact support.": "บัญชีนี้ไม่ได้เปิดใช้งานอยู่ กรุณาติดต่อฝ่ายสนับสนุน",
  "That code is not right. 1 attempt left.": "รหัสไม่ถูกต้อง เหลือโอกาสอีก 1 ครั้ง",
  "That code is not right. {0} attempts left.": "รหัสไม่ถูกต้อง เหลือโอกาสอีก {0} ครั้ง",
  "An account with this email already exists. Sign in, or reset the password if you forgot it.":
    "มีบัญชีที่ใช้อีเมลนี้อยู่แล้ว กรุณาเข้าสู่ระบบ หรือรีเซ็ตรหัสผ่านหากคุณลืม",
  "Too many failed sign-ins for this account. Try again in 1 minute, or reset your password.":
    "เข้าสู่ระบบบัญชีนี้ไม่สำเร็จหลายครั้งเกินไป กรุณาลองอีกครั้งใน 1 นาที หรือรีเซ็ตรหัสผ่าน",
  "Too many failed sign-ins for this account. Try again in {0} minutes, or reset your password.":
    "เข้าสู่ระบบบัญชีนี้ไม่สำเร็จหลายครั้งเกินไป กรุณาลองอีกครั้งใน {0} นาที หรือรีเซ็ตรหัสผ่าน",
  "The email or password is not right. Check both, or reset your password.":
    "อีเมลหรือรหัสผ่านไม่ถูกต้อง กรุณาตรวจสอบทั้งสองช่อง หรือรีเซ็ตรหัสผ่าน",
  "This reset link is invalid, expired or already used. Ask for a new one.":
    "ลิงก์รีเซ็ตนี้ไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว กรุณาขอลิงก์ใหม่",
  "This account no longer exists.": "บัญชีนี้ไม่มีอยู่แล้ว",
  "You have no live session with this id. List them at GET /api/v1/auth/sessions.":
    "ไม่พบเซสชันที่ยังใช้งานอยู่ของคุณที่มีรหัสนี้ ดูรายการได้ที่ GET /api/v1/auth/sessions",
  "This refresh token was already used, so the session has been signed out for safety. Sign in again.":
    "refresh token นี้ถูกใช้ไปแล้ว เพื่อความปลอดภัยเราจึงออกจากระบบเซสชันนี้ กรุณาเข้าสู่ระบบอีกครั้ง",
  "Unknown refresh token. Sign in again.": "ไม่รู้จัก refresh token นี้ กรุณาเข้าสู่ระบบอีกครั้ง",
  "The access token is invalid or expired. Refresh it or sign in again.":
    "โทเค็นการเข้าถึงไม่ถูกต้องหรือหมดอายุ กรุณารีเฟรชโทเค็นหรือเข้าสู่ระบบอีกครั้ง",
  "Sign in first: send 'Authorization: Bearer <accessToken>'.":
    "กรุณาเข้าสู่ระบบก่อน โดยส่ง 'Authorization: Bearer <accessToken>'",
  "This needs the {0} role.": "ต้องมีบทบาท {0} จึงจะทำรายการนี้ได้",
  "Sign in first.": "กรุณาเข้าสู่ระบบก่อน",
  "The request body is larger than {0} bytes. Send at most {1} bytes.": "เนื้อหาคำขอมีขนาดเกิน {0} ไบต์ กรุณาส่งไม่เกิน {1} ไบต์",
  "The request body is larger than {0} bytes. Send at most {1} bytes of JSON.":
    "เนื้อหาคำขอมีขนาดเกิน {0} ไบต์ กรุณาส่ง JSON ไม่เกิน {1} ไบต์",
  "Nothing exists at {0}. See /docs for the API's paths.": "ไม่มีสิ่งใดอยู่ที่ {0} ดูเส้นทางของ API ได้ที่ /docs",
  "Too many of these requests from this account. Try again in 1 second.":
    "มีคำขอประเภทนี้จากบัญชีนี้มากเกินไป กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many of these requests from this account. Try again in {0} seconds.":
    "มีคำขอประเภทนี้จากบัญชีนี้มากเกินไป กรุณาลองอีกครั้งใน {0} วินาที",
  "Too many of these requests from this network. Try again in 1 second.":
    "มีคำขอประเภทนี้จากเครือข่ายนี้มากเกินไป กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many of these requests from this network. Try again in {0} seconds.":
    "มีคำขอประเภทนี้จากเครือข่ายนี้มากเกินไป กรุณาลองอีกครั้งใน {0} วินาที",
  "No dead letter has the id {0}. List them at /api/v1/admin/dead-letters.":
    "ไม่มี dead letter ที่มีรหัส {0} ดูรายการได้ที่ /api/v1/admin/dead-letters",
  "This dead letter is not an event the outbox still holds (a malformed message, or one older than the outbox keeps), so it cannot be replayed.":
    "dead letter นี้ไม่ใช่เหตุการณ์ที่ outbox ยังเก็บไว้ (อาจเป็นข้อความที่ผิดรูปแบบ หรือเก่ากว่าที่ outbox เก็บไว้) จึงส่งซ้ำไม่ได้",
  "The request body is not valid JSON. Send a JSON document.": "เนื้อหาคำขอไม่ใช่ JSON ที่ถูกต้อง กรุณาส่งเอกสาร JSON",
  "Something went wrong on our side. Retry the request; if it keeps failing, contact support with the requestId.":
    "เกิดข้อผิดพลาดในระบบของเรา กรุณาส่งคำขออีกครั้ง หากยังไม่สำเร็จ กรุณาติดต่อฝ่ายสนับสนุนพร้อมแจ้ง requestId",
  "The request could not be read.": "ไม่สามารถอ่านคำขอได้",
  "Sign in and send a Bearer token.": "กรุณาเข้าสู่ระบบและส่ง Bearer token",
  "The request body is too large.": "เนื้อหาคำขอมีขนาดใหญ่เกินไป",
  "Unsupported Content-Type.": "ไม่รองรับ Content-Type นี้",
  "Too many requests. Retry later.": "มีคำขอมากเกินไป กรุณาลองใหม่ภายหลัง",
  "Something went wrong on our side. Retry the request.": "เกิดข้อผิดพลาดในระบบของเรา กรุณาส่งคำขออีกครั้ง",
  "The request could not be processed.": "ไม่สามารถดำเนินการตามคำขอได้",
  "This request creates money or orders, so it needs an Idempotency-Key header: a unique value (e.g. a UUID) per intended operation, reused only to retry it.":
    "คำขอนี้สร้างรายการเงินหรือคำสั่งซื้อ จึงต้องมีส่วนหัว Idempotency-Key ซึ่งเป็นค่าที่ไม่ซ้ำกัน (เช่น UUID) สำหรับแต่ละการดำเนินการ และใช้ซ้ำเฉพาะเมื่อลองส่งการดำเนินการเดิมอีกครั้งเท่านั้น",
  "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.":
    "ส่วนหัว Idempotency-Key ต้องเป็นอักขระ ASCII ที่มองเห็นได้ 1 ถึง 255 ตัว เช่น UUID",
  "This Idempotency-Key was already used with a different request body. Use a new key for a new operation.":
    "Idempotency-Key นี้ถูกใช้กับเนื้อหาคำขออื่นไปแล้ว กรุณาใช้คีย์ใหม่สำหรับการดำเนินการใหม่",
  "A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.":
    "คำขอที่ใช้ Idempotency-Key นี้ยังดำเนินการอยู่ กรุณาลองอีกครั้งในอีกสักครู่เพื่อรับผลลัพธ์",
  "The query string is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "query string ไม่ถูกต้อง ({0}: {1}) กรุณาแก้ไขฟิลด์ที่ระบุไว้ใน errors แล้วส่งอีกครั้ง",
  "The query string is invalid. Fix the fields listed in errors and send it again.":
    "query string ไม่ถูกต้อง กรุณาแก้ไขฟิลด์ที่ระบุไว้ใน errors แล้วส่งอีกครั้ง",
  "The path is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "path ไม่ถูกต้อง ({0}: {1}) กรุณาแก้ไขฟิลด์ที่ระบุไว้ใน errors แล้วส่งอีกครั้ง",
  "The path is invalid. Fix the fields listed in errors and send it again.":
    "path ไม่ถูกต้อง กรุณาแก้ไขฟิลด์ที่ระบุไว้ใน errors แล้วส่งอีกครั้ง",
  "The request headers are invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "ส่วนหัวของคำขอไม่ถูกต้อง ({0}: {1}) กรุณาแก้ไขฟิลด์ที่ระบุไว้ใน errors แล้วส่งอีกครั้ง",
  "The request headers are invalid. Fix the fields listed in errors and send it again.":
    "ส่วนหัวของคำขอไม่ถูกต้อง กรุณาแก้ไขฟิลด์ที่ระบุไว้ใน errors แล้วส่งอีกครั้ง",
  "The request body is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "เนื้อหาคำขอไม่ถูกต้อง ({0}: {1}) กรุณาแก้ไขฟิลด์ที่ระบุไว้ใน errors แล้วส่งอีกครั้ง",
  "The request body is invalid. Fix the fields listed in errors and send it again.":
    "เนื้อหาคำขอไม่ถูกต้อง กรุณาแก้ไขฟิลด์ที่ระบุไว้ใน errors แล้วส่งอีกครั้ง",
  "The cursor is not one this list gave out. Pass nextCursor from the previous page unchanged, or omit it to start over.":
    "cursor นี้ไม่ได้มาจากรายการนี้ กรุณาส่ง nextCursor จากหน้าก่อนหน้าโดยไม่แก้ไข หรือไม่ต้องส่งเพื่อเริ่มใหม่",
  "We do not serve {0} yet. Choose one of {1}.": "เรายังไม่ให้บริการใน {0} กรุณาเลือกหนึ่งใน {1}",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.":
    "หมายเลขนี้ไม่ใช่หมายเลขโทรศัพท์ที่ถูกต้องของ {0} กรุณากรอกหมายเลขมือถือของ {1} เช่น {2} หรือ {3}",
  "That is not a valid phone number for {0}. Enter a mobile number of {1}.":
    "หมายเลขนี้ไม่ใช่หมายเลขโทรศัพท์ที่ถูกต้องของ {0} กรุณากรอกหมายเลขมือถือของ {1}",
  "Too many code requests from this network. Try again in 1 second.":
    "มีการขอรหัสจากเครือข่ายนี้มากเกินไป กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many code requests from this network. Try again in {0} seconds.":
    "มีการขอรหัสจากเครือข่ายนี้มากเกินไป กรุณาลองอีกครั้งใน {0} วินาที",
  "Too many codes for this number this hour. Try again in 1 second.":
    "ส่งรหัสไปยังหมายเลขนี้มากเกินไปในชั่วโมงนี้ กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many codes for this number this hour. Try again in {0} seconds.":
    "ส่งรหัสไปยังหมายเลขนี้มากเกินไปในชั่วโมงนี้ กรุณาลองอีกครั้งใน {0} วินาที",
  "Too many sign-in attempts from this network. Try again in 1 second.":
    "มีการพยายามเข้าสู่ระบบจากเครือข่ายนี้มากเกินไป กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many sign-in attempts from this network. Try again in {0} seconds.":
    "มีการพยายามเข้าสู่ระบบจากเครือข่ายนี้มากเกินไป กรุณาลองอีกครั้งใน {0} วินาที",
  "Too many requests from this network. Try again in 1 second.": "มีคำขอจากเครือข่ายนี้มากเกินไป กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many requests from this network. Try again in {0} seconds.": "มีคำขอจากเครือข่ายนี้มากเกินไป กรุณาลองอีกครั้งใน {0} วินาที",
  "Too many realtime tickets. Try again in 1 second.": "ขอ realtime ticket มากเกินไป กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many realtime tickets. Try again in {0} seconds.": "ขอ realtime ticket มากเกินไป กรุณาลองอีกครั้งใน {0} วินาที",
  "Too many device registrations. Try again in 1 second.": "ลงทะเบียนอุปกรณ์มากเกินไป กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many device registrations. Try again in {0} seconds.": "ลงทะเบียนอุปกรณ์มากเกินไป กรุณาลองอีกครั้งใน {0} วินาที",
};
