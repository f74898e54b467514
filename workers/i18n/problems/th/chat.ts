import type { ProblemTranslations } from "../types";

/** Thai problem details of chat, media uploads and realtime streams, keyed by the English template. */
export const chat: ProblemTranslations = {
  "There is no dialog with this id.": "ไม่พบบทสนทนาที่มีรหัสนี้",
  "You are not a member of this dialog.": "คุณไม่ได้เป็นสมาชิกของบทสนทนานี้",
  "One participant does not exist: {0}. Send the ids of existing users.":
    "ไม่พบผู้เข้าร่วมหนึ่งคน: {0} กรุณาส่งรหัสของผู้ใช้ที่มีอยู่จริง",
  "{0} participants do not exist: {1}. Send the ids of existing users.":
    "ไม่พบผู้เข้าร่วม {0} คน: {1} กรุณาส่งรหัสของผู้ใช้ที่มีอยู่จริง",
  "There is no flag with this id.": "ไม่พบรายงานที่มีรหัสนี้",
  "You cannot report your own message.": "คุณรายงานข้อความของตัวเองไม่ได้",
  "The report could not be stored. Retry.": "ไม่สามารถบันทึกรายงานได้ กรุณาลองอีกครั้ง",
  "The cursor is not one this list gave out. Pass nextCursor unchanged.":
    "cursor นี้ไม่ได้มาจากรายการนี้ กรุณาส่ง nextCursor โดยไม่แก้ไข",
  "A direct dialog is you and exactly one other person: send their id as participantIds.":
    "บทสนทนาส่วนตัวมีคุณและอีกหนึ่งคนเท่านั้น กรุณาส่งรหัสของอีกฝ่ายใน participantIds",
  "A channel holds at most {0} members, you included.": "ช่องมีสมาชิกได้ไม่เกิน {0} คน รวมตัวคุณด้วย",
  "A group holds at most {0} members, you included.": "กลุ่มมีสมาชิกได้ไม่เกิน {0} คน รวมตัวคุณด้วย",
  "This is your own shop: buyers open support chats with you, not you with yourself.":
    "ร้านนี้เป็นร้านของคุณเอง ผู้ซื้อเป็นฝ่ายเปิดแชตสนับสนุนกับคุณ คุณไม่จำเป็นต้องเปิดแชตกับตัวเอง",
  "There is no product with this id that can be shown.": "ไม่พบสินค้าที่มีรหัสนี้ที่สามารถแสดงได้",
  "There is no order with this id that can be shown.": "ไม่พบคำสั่งซื้อที่มีรหัสนี้ที่สามารถแสดงได้",
  "Only the buyer of this order or its shop's owner can share it.": "เฉพาะผู้ซื้อของคำสั่งซื้อนี้หรือเจ้าของร้านเท่านั้นที่แชร์ได้",
  "Open this path as a WebSocket.": "กรุณาเปิดเส้นทางนี้เป็น WebSocket",
  "There is no message with this id in this dialog.": "ไม่พบข้อความที่มีรหัสนี้ในบทสนทนานี้",
  "Only its sender can edit a message.": "เฉพาะผู้ส่งเท่านั้นที่แก้ไขข้อความได้",
  "This message was deleted.": "ข้อความนี้ถูกลบแล้ว",
  "This kind of message has no text to edit.": "ข้อความประเภทนี้ไม่มีข้อความตัวอักษรให้แก้ไข",
  "A message holds at most {0} characters of text.": "ข้อความหนึ่งมีตัวอักษรได้ไม่เกิน {0} ตัว",
  "A text message needs text.": "ข้อความตัวอักษรต้องมีเนื้อหา",
  "System messages cannot be deleted.": "ไม่สามารถลบข้อความของระบบได้",
  "Only its sender can delete a message.": "เฉพาะผู้ส่งเท่านั้นที่ลบข้อความได้",
  "emoji must be one emoji, such as 👍.": "emoji ต้องเป็นอีโมจิหนึ่งตัว เช่น 👍",
  "You can add at most {0} reactions to one message.": "คุณเพิ่มรีแอ็กชันในข้อความหนึ่งได้ไม่เกิน {0} รายการ",
  "Frames are JSON text, not binary.": "เฟรมต้องเป็นข้อความ JSON ไม่ใช่ข้อมูลไบนารี",
  "A frame holds at most {0} bytes.": "เฟรมหนึ่งมีขนาดได้ไม่เกิน {0} ไบต์",
  'A frame is one JSON object such as {"type":"ping"}.': 'เฟรมต้องเป็นออบเจ็กต์ JSON หนึ่งรายการ เช่น {"type":"ping"}',
  "Invalid frame ({0}: {1}). Types: send, read, delivered, typing, ping, replay.":
    "เฟรมไม่ถูกต้อง ({0}: {1}) ประเภทที่รองรับ: send, read, delivered, typing, ping, replay",
  "Invalid frame. Types: send, read, delivered, typing, ping, replay.":
    "เฟรมไม่ถูกต้อง ประเภทที่รองรับ: send, read, delivered, typing, ping, replay",
  "That frame could not be handled. Retry it.": "ไม่สามารถจัดการเฟรมนั้นได้ กรุณาส่งอีกครั้ง",
  "A replay page is still being sent on this socket. Ask for the next one after it.":
    "กำลังส่งหน้าการเล่นซ้ำบนซ็อกเก็ตนี้อยู่ กรุณาขอหน้าถัดไปหลังจากหน้านี้ส่งเสร็จ",
  "A direct dialog has exactly two people. Create a group to talk with more.":
    "บทสนทนาส่วนตัวมีได้เพียงสองคน กรุณาสร้างกลุ่มเพื่อคุยกับหลายคน",
  "Only the dialog's admins can add members.": "เฉพาะผู้ดูแลของบทสนทนาเท่านั้นที่เพิ่มสมาชิกได้",
  "A channel holds at most {0} members; it has {1}.": "ช่องมีสมาชิกได้ไม่เกิน {0} คน ขณะนี้มี {1} คน",
  "A group holds at most {0} members; it has {1}.": "กลุ่มมีสมาชิกได้ไม่เกิน {0} คน ขณะนี้มี {1} คน",
  "Nobody leaves a direct dialog; mute it instead.": "ไม่สามารถออกจากบทสนทนาส่วนตัวได้ กรุณาปิดเสียงแทน",
  "Only the dialog's admins can remove members.": "เฉพาะผู้ดูแลของบทสนทนาเท่านั้นที่นำสมาชิกออกได้",
  "This user is not a member of the dialog.": "ผู้ใช้นี้ไม่ได้เป็นสมาชิกของบทสนทนา",
  "You are no longer a member of this dialog.": "คุณไม่ได้เป็นสมาชิกของบทสนทนานี้แล้ว",
  "A direct dialog has no admins.": "บทสนทนาส่วนตัวไม่มีผู้ดูแล",
  "Only the dialog's admins can change roles.": "เฉพาะผู้ดูแลของบทสนทนาเท่านั้นที่เปลี่ยนบทบาทได้",
  "A dialog needs at least one admin. Make someone else admin first.":
    "บทสนทนาต้องมีผู้ดูแลอย่างน้อยหนึ่งคน กรุณาตั้งคนอื่นเป็นผู้ดูแลก่อน",
  "A direct dialog has no name.": "บทสนทนาส่วนตัวไม่มีชื่อ",
  "Only the dialog's admins can rename it.": "เฉพาะผู้ดูแลของบทสนทนาเท่านั้นที่เปลี่ยนชื่อได้",
  "Only the channel's admins post here.": "เฉพาะผู้ดูแลของช่องเท่านั้นที่โพสต์ได้",
  "Too many messages in this dialog. Try again in 1 second.": "ส่งข้อความในบทสนทนานี้มากเกินไป กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many messages in this dialog. Try again in {0} seconds.": "ส่งข้อความในบทสนทนานี้มากเกินไป กรุณาลองอีกครั้งใน {0} วินาที",
  "Too many messages across your dialogs. Try again in 1 second.":
    "ส่งข้อความในบทสนทนาต่างๆ ของคุณมากเกินไป กรุณาลองอีกครั้งใน 1 วินาที",
  "Too many messages across your dialogs. Try again in {0} seconds.":
    "ส่งข้อความในบทสนทนาต่างๆ ของคุณมากเกินไป กรุณาลองอีกครั้งใน {0} วินาที",
  "Only the channel's admins post here; members read.": "เฉพาะผู้ดูแลของช่องเท่านั้นที่โพสต์ได้ สมาชิกอ่านได้อย่างเดียว",
  "replyTo names no message of this dialog.": "replyTo ไม่ได้อ้างถึงข้อความใดในบทสนทนานี้",
  "At most {0} connections per dialog: this one was replaced by a newer one.":
    "เชื่อมต่อได้ไม่เกิน {0} การเชื่อมต่อต่อบทสนทนา การเชื่อมต่อนี้ถูกแทนที่ด้วยการเชื่อมต่อที่ใหม่กว่า",
  "This room has not been set up.": "ห้องนี้ยังไม่ได้ตั้งค่า",
  "The dialog is being set up. Retry in a moment.": "กำลังตั้งค่าบทสนทนา กรุณาลองอีกครั้งในอีกสักครู่",
  "The dialog cannot be opened now.": "ไม่สามารถเปิดบทสนทนาได้ในขณะนี้",
  "The socket could not be opened. Retry.": "ไม่สามารถเปิดซ็อกเก็ตได้ กรุณาลองอีกครั้ง",
  "Open this path as a WebSocket (Upgrade: websocket).": "กรุณาเปิดเส้นทางนี้เป็น WebSocket (Upgrade: websocket)",
  "You can see the presence of people you share a dialog with.": "คุณดูสถานะออนไลน์ได้เฉพาะของผู้ที่อยู่ในบทสนทนาเดียวกับคุณ",
  "There is no media with this id that you may see. Chat pictures and files are served to the members of their dialog: fetch the message's url with your access token.":
    "ไม่พบสื่อที่มีรหัสนี้ที่คุณมีสิทธิ์ดู รูปภาพและไฟล์ในแชตจะแสดงให้เฉพาะสมาชิกของบทสนทนานั้น กรุณาเปิด url ของข้อความพร้อมโทเค็นการเข้าถึงของคุณ",
  "A product image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "รูปสินค้ามีขนาดได้ไม่เกิน {0} ไบต์ ({1} MiB) กรุณาส่งไฟล์ที่เล็กลง",
  "An image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "รูปภาพมีขนาดได้ไม่เกิน {0} ไบต์ ({1} MiB) กรุณาส่งไฟล์ที่เล็กลง",
  "A file may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "ไฟล์มีขนาดได้ไม่เกิน {0} ไบต์ ({1} MiB) กรุณาส่งไฟล์ที่เล็กลง",
  "The request body is empty: send the file's bytes as the body.": "เนื้อหาคำขอว่างเปล่า กรุณาส่งข้อมูลของไฟล์เป็นเนื้อหาคำขอ",
  "The body did not match its Content-Length of {0} bytes. Send the whole file with its exact length.":
    "เนื้อหาไม่ตรงกับ Content-Length {0} ไบต์ กรุณาส่งไฟล์ทั้งไฟล์ด้วยขนาดที่ถูกต้อง",
  "Product photos must be {0}; this request says {1}. Send the image with its Content-Type.":
    "รูปสินค้าต้องเป็น {0} แต่คำขอนี้ระบุเป็น {1} กรุณาส่งรูปพร้อม Content-Type ของรูป",
  "Product photos must be {0}; this request has no Content-Type. Send the image with its Content-Type.":
    "รูปสินค้าต้องเป็น {0} แต่คำขอนี้ไม่มี Content-Type กรุณาส่งรูปพร้อม Content-Type ของรูป",
  "A product has at most {0} photos.": "สินค้าหนึ่งรายการมีรูปได้ไม่เกิน {0} รูป",
  "The bytes are {0} but Content-Type says {1}. Send the matching Content-Type.":
    "ข้อมูลไฟล์เป็น {0} แต่ Content-Type ระบุเป็น {1} กรุณาส่ง Content-Type ที่ตรงกัน",
  "The body is not a {0} image. Product photos must be {1}.": "เนื้อหาไม่ใช่รูปภาพ {0} รูปสินค้าต้องเป็น {1}",
  "Send the file's Content-Type, e.g. image/jpeg or application/pdf.":
    "กรุณาส่ง Content-Type ของไฟล์ เช่น image/jpeg หรือ application/pdf",
  "The body is not a {0} image. Send it as a file with its real Content-Type instead.":
    "เนื้อหาไม่ใช่รูปภาพ {0} กรุณาส่งเป็นไฟล์พร้อม Content-Type ที่แท้จริงแทน",
  "No caller.": "ไม่พบผู้เรียก",
  'Frames are small JSON text, e.g. {"type":"ping"}.': 'เฟรมต้องเป็นข้อความ JSON ขนาดเล็ก เช่น {"type":"ping"}',
  'This stream only receives; the one client frame is {"type":"ping"}.':
    'สตรีมนี้รับข้อมูลอย่างเดียว เฟรมเดียวที่ไคลเอนต์ส่งได้คือ {"type":"ping"}',
  "The stream could not be opened. Retry.": "ไม่สามารถเปิดสตรีมได้ กรุณาลองอีกครั้ง",
  "This ticket is unknown, used or expired. Take a new one with POST /api/v1/realtime/tickets.":
    "ticket นี้ไม่รู้จัก ถูกใช้แล้ว หรือหมดอายุ กรุณาขอใหม่ด้วย POST /api/v1/realtime/tickets",
  "The session that took this ticket has ended. Sign in again.": "เซสชันที่ขอ ticket นี้สิ้นสุดแล้ว กรุณาเข้าสู่ระบบอีกครั้ง",
  "Send 'Authorization: Bearer <accessToken>', or ?ticket= from POST /api/v1/realtime/tickets.":
    "กรุณาส่ง 'Authorization: Bearer <accessToken>' หรือ ?ticket= ที่ได้จาก POST /api/v1/realtime/tickets",
};
