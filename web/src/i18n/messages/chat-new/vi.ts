import type { ChatNewMessages } from "./en";

/** {'th': 'Thai', 'id': 'Indonesian', 'ms': 'Malay', 'fil': 'Filipino', 'vi': 'Vietnamese'} words of /chat/new and of a session signed out from another device. */
export const chatNewVi: ChatNewMessages = {
  "chatNew.link": "Tìm người bằng số điện thoại",
  "chatNew.title": "Cuộc trò chuyện mới",
  "chatNew.intro": "Nhập số điện thoại mà người đó dùng để đăng nhập. Kiểm tra tên trước khi bắt đầu trò chuyện.",
  "chatNew.country": "Quốc gia",
  "chatNew.phone": "Số điện thoại",
  "chatNew.phoneHint": "Ví dụ {national} hoặc {international}",
  "chatNew.find": "Tìm",
  "chatNew.finding": "Đang tìm…",
  "chatNew.found": "Đã tìm thấy",
  "chatNew.start": "Trò chuyện với {name}",
  "chatNew.starting": "Đang mở cuộc trò chuyện…",
  "chatNew.back": "Quay lại danh sách trò chuyện",
  "session.revokedElsewhere":
    "Bạn đã bị đăng xuất vì thiết bị này bị đăng xuất từ một thiết bị khác. Hãy đăng nhập lại để tiếp tục.",
  "session.signInAgain": "Đăng nhập lại",
  "session.dismiss": "Đóng",
};
