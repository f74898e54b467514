import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of chat, media uploads and realtime streams, keyed by the English template. */
export const chat: ProblemTranslations = {
  "There is no dialog with this id.": "Không có cuộc trò chuyện nào với id này.",
  "You are not a member of this dialog.": "Bạn không phải là thành viên của cuộc trò chuyện này.",
  "One participant does not exist: {0}. Send the ids of existing users.":
    "Một người tham gia không tồn tại: {0}. Vui lòng gửi id của người dùng có thật.",
  "{0} participants do not exist: {1}. Send the ids of existing users.":
    "{0} người tham gia không tồn tại: {1}. Vui lòng gửi id của người dùng có thật.",
  "There is no flag with this id.": "Không có báo cáo nào với id này.",
  "You cannot report your own message.": "Bạn không thể báo cáo tin nhắn của chính mình.",
  "The report could not be stored. Retry.": "Không thể lưu báo cáo. Vui lòng thử lại.",
  "The cursor is not one this list gave out. Pass nextCursor unchanged.":
    "Cursor này không phải do danh sách này cấp. Vui lòng gửi nguyên nextCursor.",
  "A direct dialog is you and exactly one other person: send their id as participantIds.":
    "Cuộc trò chuyện trực tiếp gồm bạn và đúng một người khác: vui lòng gửi id của họ trong participantIds.",
  "A channel holds at most {0} members, you included.": "Một kênh có tối đa {0} thành viên, tính cả bạn.",
  "A group holds at most {0} members, you included.": "Một nhóm có tối đa {0} thành viên, tính cả bạn.",
  "This is your own shop: buyers open support chats with you, not you with yourself.":
    "Đây là cửa hàng của chính bạn: người mua mở trò chuyện hỗ trợ với bạn, không phải bạn với chính mình.",
  "There is no product with this id that can be shown.": "Không có sản phẩm nào với id này có thể hiển thị.",
  "There is no order with this id that can be shown.": "Không có đơn hàng nào với id này có thể hiển thị.",
  "Only the buyer of this order or its shop's owner can share it.":
    "Chỉ người mua của đơn hàng này hoặc chủ cửa hàng mới có thể chia sẻ nó.",
  "Open this path as a WebSocket.": "Vui lòng mở đường dẫn này dưới dạng WebSocket.",
  "There is no message with this id in this dialog.": "Không có tin nhắn nào với id này trong cuộc trò chuyện này.",
  "Only its sender can edit a message.": "Chỉ người gửi mới có thể sửa tin nhắn.",
  "This message was deleted.": "Tin nhắn này đã bị xóa.",
  "This kind of message has no text to edit.": "Loại tin nhắn này không có văn bản để sửa.",
  "A message holds at most {0} characters of text.": "Một tin nhắn có tối đa {0} ký tự văn bản.",
  "A text message needs text.": "Tin nhắn văn bản cần có nội dung.",
  "System messages cannot be deleted.": "Không thể xóa tin nhắn hệ thống.",
  "Only its sender can delete a message.": "Chỉ người gửi mới có thể xóa tin nhắn.",
  "emoji must be one emoji, such as 👍.": "emoji phải là một biểu tượng cảm xúc, ví dụ 👍.",
  "You can add at most {0} reactions to one message.":
    "Bạn có thể thêm tối đa {0} lượt bày tỏ cảm xúc cho một tin nhắn.",
  "Frames are JSON text, not binary.": "Frame là văn bản JSON, không phải dữ liệu nhị phân.",
  "A frame holds at most {0} bytes.": "Một frame có tối đa {0} byte.",
  'A frame is one JSON object such as {"type":"ping"}.': 'Một frame là một đối tượng JSON, ví dụ {"type":"ping"}.',
  "Invalid frame ({0}: {1}). Types: send, read, delivered, typing, ping, replay.":
    "Frame không hợp lệ ({0}: {1}). Các loại: send, read, delivered, typing, ping, replay.",
  "Invalid frame. Types: send, read, delivered, typing, ping, replay.":
    "Frame không hợp lệ. Các loại: send, read, delivered, typing, ping, replay.",
  "That frame could not be handled. Retry it.": "Không thể xử lý frame đó. Vui lòng thử lại.",
  "A replay page is still being sent on this socket. Ask for the next one after it.":
    "Một trang phát lại vẫn đang được gửi trên socket này. Vui lòng yêu cầu trang tiếp theo sau khi trang này gửi xong.",
  "A direct dialog has exactly two people. Create a group to talk with more.":
    "Cuộc trò chuyện trực tiếp chỉ có hai người. Hãy tạo nhóm để trò chuyện với nhiều người hơn.",
  "Only the dialog's admins can add members.": "Chỉ quản trị viên của cuộc trò chuyện mới có thể thêm thành viên.",
  "A channel holds at most {0} members; it has {1}.": "Một kênh có tối đa {0} thành viên; hiện kênh có {1}.",
  "A group holds at most {0} members; it has {1}.": "Một nhóm có tối đa {0} thành viên; hiện nhóm có {1}.",
  "Nobody leaves a direct dialog; mute it instead.":
    "Không ai rời khỏi cuộc trò chuyện trực tiếp; hãy tắt thông báo thay vào đó.",
  "Only the dialog's admins can remove members.": "Chỉ quản trị viên của cuộc trò chuyện mới có thể xóa thành viên.",
  "This user is not a member of the dialog.": "Người dùng này không phải là thành viên của cuộc trò chuyện.",
  "You are no longer a member of this dialog.": "Bạn không còn là thành viên của cuộc trò chuyện này.",
  "A direct dialog has no admins.": "Cuộc trò chuyện trực tiếp không có quản trị viên.",
  "Only the dialog's admins can change roles.": "Chỉ quản trị viên của cuộc trò chuyện mới có thể thay đổi vai trò.",
  "A dialog needs at least one admin. Make someone else admin first.":
    "Cuộc trò chuyện cần ít nhất một quản trị viên. Vui lòng đặt người khác làm quản trị viên trước.",
  "A direct dialog has no name.": "Cuộc trò chuyện trực tiếp không có tên.",
  "Only the dialog's admins can rename it.": "Chỉ quản trị viên của cuộc trò chuyện mới có thể đổi tên.",
  "Only the channel's admins post here.": "Chỉ quản trị viên của kênh mới đăng bài ở đây.",
  "Too many messages in this dialog. Try again in 1 second.":
    "Có quá nhiều tin nhắn trong cuộc trò chuyện này. Vui lòng thử lại sau 1 giây.",
  "Too many messages in this dialog. Try again in {0} seconds.":
    "Có quá nhiều tin nhắn trong cuộc trò chuyện này. Vui lòng thử lại sau {0} giây.",
  "Too many messages across your dialogs. Try again in 1 second.":
    "Có quá nhiều tin nhắn trong các cuộc trò chuyện của bạn. Vui lòng thử lại sau 1 giây.",
  "Too many messages across your dialogs. Try again in {0} seconds.":
    "Có quá nhiều tin nhắn trong các cuộc trò chuyện của bạn. Vui lòng thử lại sau {0} giây.",
  "Only the channel's admins post here; members read.":
    "Chỉ quản trị viên của kênh mới đăng bài ở đây; thành viên chỉ đọc.",
  "replyTo names no message of this dialog.": "replyTo không trỏ đến tin nhắn nào của cuộc trò chuyện này.",
  "At most {0} connections per dialog: this one was replaced by a newer one.":
    "Tối đa {0} kết nối cho mỗi cuộc trò chuyện: kết nối này đã được thay bằng một kết nối mới hơn.",
  "This room has not been set up.": "Phòng này chưa được thiết lập.",
  "The dialog is being set up. Retry in a moment.":
    "Cuộc trò chuyện đang được thiết lập. Vui lòng thử lại sau giây lát.",
  "The dialog cannot be opened now.": "Hiện không thể mở cuộc trò chuyện.",
  "The socket could not be opened. Retry.": "Không thể mở socket. Vui lòng thử lại.",
  "Open this path as a WebSocket (Upgrade: websocket).":
    "Vui lòng mở đường dẫn này dưới dạng WebSocket (Upgrade: websocket).",
  "You can see the presence of people you share a dialog with.":
    "Bạn có thể xem trạng thái trực tuyến của những người cùng tham gia cuộc trò chuyện với bạn.",
  "There is no media with this id that you may see. Chat pictures and files are served to the members of their dialog: fetch the message's url with your access token.":
    "Không có tệp phương tiện nào với id này mà bạn được phép xem. Ảnh và tệp trong trò chuyện chỉ được cung cấp cho thành viên của cuộc trò chuyện đó: hãy mở url của tin nhắn bằng access token của bạn.",
  "A product image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Ảnh sản phẩm có dung lượng tối đa {0} byte ({1} MiB). Vui lòng gửi tệp nhỏ hơn.",
  "An image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Ảnh có dung lượng tối đa {0} byte ({1} MiB). Vui lòng gửi tệp nhỏ hơn.",
  "A file may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Tệp có dung lượng tối đa {0} byte ({1} MiB). Vui lòng gửi tệp nhỏ hơn.",
  "The request body is empty: send the file's bytes as the body.":
    "Nội dung yêu cầu trống: vui lòng gửi dữ liệu của tệp làm nội dung.",
  "The body did not match its Content-Length of {0} bytes. Send the whole file with its exact length.":
    "Nội dung không khớp với Content-Length {0} byte. Vui lòng gửi toàn bộ tệp với đúng độ dài.",
  "Product photos must be {0}; this request says {1}. Send the image with its Content-Type.":
    "Ảnh sản phẩm phải là {0}; yêu cầu này ghi là {1}. Vui lòng gửi ảnh kèm Content-Type của nó.",
  "Product photos must be {0}; this request has no Content-Type. Send the image with its Content-Type.":
    "Ảnh sản phẩm phải là {0}; yêu cầu này không có Content-Type. Vui lòng gửi ảnh kèm Content-Type của nó.",
  "A product has at most {0} photos.": "Mỗi sản phẩm có tối đa {0} ảnh.",
  "The bytes are {0} but Content-Type says {1}. Send the matching Content-Type.":
    "Dữ liệu là {0} nhưng Content-Type ghi là {1}. Vui lòng gửi Content-Type khớp.",
  "The body is not a {0} image. Product photos must be {1}.":
    "Nội dung không phải là ảnh {0}. Ảnh sản phẩm phải là {1}.",
  "Send the file's Content-Type, e.g. image/jpeg or application/pdf.":
    "Vui lòng gửi Content-Type của tệp, ví dụ image/jpeg hoặc application/pdf.",
  "The body is not a {0} image. Send it as a file with its real Content-Type instead.":
    "Nội dung không phải là ảnh {0}. Vui lòng gửi dưới dạng tệp kèm Content-Type thực của nó.",
  "No caller.": "Không có bên gọi.",
  'Frames are small JSON text, e.g. {"type":"ping"}.': 'Frame là văn bản JSON nhỏ, ví dụ {"type":"ping"}.',
  'This stream only receives; the one client frame is {"type":"ping"}.':
    'Luồng này chỉ nhận dữ liệu; frame duy nhất client được gửi là {"type":"ping"}.',
  "The stream could not be opened. Retry.": "Không thể mở luồng. Vui lòng thử lại.",
  "This ticket is unknown, used or expired. Take a new one with POST /api/v1/realtime/tickets.":
    "Vé này không xác định, đã được dùng hoặc đã hết hạn. Vui lòng lấy vé mới bằng POST /api/v1/realtime/tickets.",
  "The session that took this ticket has ended. Sign in again.":
    "Phiên đã lấy vé này đã kết thúc. Vui lòng đăng nhập lại.",
  "Send 'Authorization: Bearer <accessToken>', or ?ticket= from POST /api/v1/realtime/tickets.":
    "Vui lòng gửi 'Authorization: Bearer <accessToken>', hoặc ?ticket= từ POST /api/v1/realtime/tickets.",
};
