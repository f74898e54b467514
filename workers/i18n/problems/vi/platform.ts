import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of the platform: accounts, sign-in, sessions, request checks and rate limits, keyed by the English template. */
export const platform: ProblemTranslations = {
  "{0} is not supported here. Use {1}.": "Không hỗ trợ {0} tại đây. Vui lòng dùng {1}.",
  "This account is suspended. Contact support to have it reinstated.":
    "Tài khoản này đã bị tạm khóa. Vui lòng liên hệ bộ phận hỗ trợ để được mở lại.",
  "There is no account with this id.": "Không có tài khoản nào với id này.",
  "This account was deleted; there is nothing to change.": "Tài khoản này đã bị xóa; không còn gì để thay đổi.",
  "You can keep at most {0} addresses. Delete one first.":
    "Bạn chỉ có thể lưu tối đa {0} địa chỉ. Vui lòng xóa bớt một địa chỉ trước.",
  "You have no address with this id.": "Bạn không có địa chỉ nào với id này.",
  "Send the access token as 'Authorization: Bearer <token>'.":
    "Vui lòng gửi access token dưới dạng 'Authorization: Bearer <token>'.",
  "This session has ended. Sign in again.": "Phiên đăng nhập này đã kết thúc. Vui lòng đăng nhập lại.",
  "A code was just sent to this number. Wait 1 second before asking for another.":
    "Một mã vừa được gửi đến số này. Vui lòng đợi 1 giây trước khi yêu cầu mã khác.",
  "A code was just sent to this number. Wait {0} seconds before asking for another.":
    "Một mã vừa được gửi đến số này. Vui lòng đợi {0} giây trước khi yêu cầu mã khác.",
  "There is no valid code for this number: it expired or was used. Request a new code.":
    "Không có mã hợp lệ cho số này: mã đã hết hạn hoặc đã được sử dụng. Vui lòng yêu cầu mã mới.",
  "Too many wrong codes. Request a new code and try again.":
    "Bạn đã nhập sai mã quá nhiều lần. Vui lòng yêu cầu mã mới và thử lại.",
  "This code was already used. Request a new code.": "Mã này đã được sử dụng. Vui lòng yêu cầu mã mới.",
  "This account is not active. Contact support.": "Tài khoản này không hoạt động. Vui lòng liên hệ bộ phận hỗ trợ.",
  "That code is not right. 1 attempt left.": "Mã không đúng. Bạn còn 1 lần thử.",
  "That code is not right. {0} attempts left.": "Mã không đúng. Bạn còn {0} lần thử.",
  "An account with this email already exists. Sign in, or reset the password if you forgot it.":
    "Đã có tài khoản dùng email này. Vui lòng đăng nhập, hoặc đặt lại mật khẩu nếu bạn quên.",
  "Too many failed sign-ins for this account. Try again in 1 minute, or reset your password.":
    "Tài khoản này đã đăng nhập thất bại quá nhiều lần. Vui lòng thử lại sau 1 phút, hoặc đặt lại mật khẩu.",
  "Too many failed sign-ins for this account. Try again in {0} minutes, or reset your password.":
    "Tài khoản này đã đăng nhập thất bại quá nhiều lần. Vui lòng thử lại sau {0} phút, hoặc đặt lại mật khẩu.",
  "The email or password is not right. Check both, or reset your password.":
    "Email hoặc mật khẩu không đúng. Vui lòng kiểm tra lại cả hai, hoặc đặt lại mật khẩu.",
  "This reset link is invalid, expired or already used. Ask for a new one.":
    "Liên kết đặt lại mật khẩu này không hợp lệ, đã hết hạn hoặc đã được sử dụng. Vui lòng yêu cầu liên kết mới.",
  "This account no longer exists.": "Tài khoản này không còn tồn tại.",
  "You have no live session with this id. List them at GET /api/v1/auth/sessions.":
    "Bạn không có phiên đang hoạt động nào với id này. Xem danh sách tại GET /api/v1/auth/sessions.",
  "This refresh token was already used, so the session has been signed out for safety. Sign in again.":
    "Refresh token này đã được sử dụng, vì vậy phiên đã được đăng xuất để đảm bảo an toàn. Vui lòng đăng nhập lại.",
  "Unknown refresh token. Sign in again.": "Refresh token không xác định. Vui lòng đăng nhập lại.",
  "The access token is invalid or expired. Refresh it or sign in again.":
    "Access token không hợp lệ hoặc đã hết hạn. Vui lòng làm mới token hoặc đăng nhập lại.",
  "Sign in first: send 'Authorization: Bearer <accessToken>'.":
    "Vui lòng đăng nhập trước: gửi 'Authorization: Bearer <accessToken>'.",
  "This needs the {0} role.": "Thao tác này cần vai trò {0}.",
  "Sign in first.": "Vui lòng đăng nhập trước.",
  "The request body is larger than {0} bytes. Send at most {1} bytes.":
    "Nội dung yêu cầu lớn hơn {0} byte. Vui lòng gửi tối đa {1} byte.",
  "The request body is larger than {0} bytes. Send at most {1} bytes of JSON.":
    "Nội dung yêu cầu lớn hơn {0} byte. Vui lòng gửi tối đa {1} byte JSON.",
  "Nothing exists at {0}. See /docs for the API's paths.":
    "Không có gì tại {0}. Xem /docs để biết các đường dẫn của API.",
  "Too many of these requests from this account. Try again in 1 second.":
    "Có quá nhiều yêu cầu loại này từ tài khoản này. Vui lòng thử lại sau 1 giây.",
  "Too many of these requests from this account. Try again in {0} seconds.":
    "Có quá nhiều yêu cầu loại này từ tài khoản này. Vui lòng thử lại sau {0} giây.",
  "Too many of these requests from this network. Try again in 1 second.":
    "Có quá nhiều yêu cầu loại này từ mạng này. Vui lòng thử lại sau 1 giây.",
  "Too many of these requests from this network. Try again in {0} seconds.":
    "Có quá nhiều yêu cầu loại này từ mạng này. Vui lòng thử lại sau {0} giây.",
  "No dead letter has the id {0}. List them at /api/v1/admin/dead-letters.":
    "Không có dead letter nào với id {0}. Xem danh sách tại /api/v1/admin/dead-letters.",
  "This dead letter is not an event the outbox still holds (a malformed message, or one older than the outbox keeps), so it cannot be replayed.":
    "Dead letter này không phải là sự kiện mà outbox còn lưu giữ (một thông điệp bị lỗi định dạng, hoặc cũ hơn thời gian outbox lưu giữ), nên không thể phát lại.",
  "The request body is not valid JSON. Send a JSON document.":
    "Nội dung yêu cầu không phải JSON hợp lệ. Vui lòng gửi một tài liệu JSON.",
  "Something went wrong on our side. Retry the request; if it keeps failing, contact support with the requestId.":
    "Đã xảy ra lỗi từ phía chúng tôi. Vui lòng thử lại yêu cầu; nếu vẫn lỗi, hãy liên hệ bộ phận hỗ trợ kèm requestId.",
  "The request could not be read.": "Không thể đọc yêu cầu.",
  "Sign in and send a Bearer token.": "Vui lòng đăng nhập và gửi Bearer token.",
  "The request body is too large.": "Nội dung yêu cầu quá lớn.",
  "Unsupported Content-Type.": "Content-Type không được hỗ trợ.",
  "Too many requests. Retry later.": "Có quá nhiều yêu cầu. Vui lòng thử lại sau.",
  "Something went wrong on our side. Retry the request.": "Đã xảy ra lỗi từ phía chúng tôi. Vui lòng thử lại yêu cầu.",
  "The request could not be processed.": "Không thể xử lý yêu cầu.",
  "This request creates money or orders, so it needs an Idempotency-Key header: a unique value (e.g. a UUID) per intended operation, reused only to retry it.":
    "Yêu cầu này tạo giao dịch tiền hoặc đơn hàng, nên cần header Idempotency-Key: một giá trị duy nhất (ví dụ UUID) cho mỗi thao tác, chỉ dùng lại khi thử lại chính thao tác đó.",
  "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.":
    "Header Idempotency-Key phải gồm 1 đến 255 ký tự ASCII hiển thị được, ví dụ một UUID.",
  "This Idempotency-Key was already used with a different request body. Use a new key for a new operation.":
    "Idempotency-Key này đã được dùng với một nội dung yêu cầu khác. Vui lòng dùng key mới cho thao tác mới.",
  "A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.":
    "Một yêu cầu với Idempotency-Key này vẫn đang được xử lý. Vui lòng thử lại sau giây lát để nhận kết quả.",
  "The query string is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Query string không hợp lệ ({0}: {1}). Vui lòng sửa các trường được liệt kê trong errors rồi gửi lại.",
  "The query string is invalid. Fix the fields listed in errors and send it again.":
    "Query string không hợp lệ. Vui lòng sửa các trường được liệt kê trong errors rồi gửi lại.",
  "The path is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Đường dẫn không hợp lệ ({0}: {1}). Vui lòng sửa các trường được liệt kê trong errors rồi gửi lại.",
  "The path is invalid. Fix the fields listed in errors and send it again.":
    "Đường dẫn không hợp lệ. Vui lòng sửa các trường được liệt kê trong errors rồi gửi lại.",
  "The request headers are invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Header của yêu cầu không hợp lệ ({0}: {1}). Vui lòng sửa các trường được liệt kê trong errors rồi gửi lại.",
  "The request headers are invalid. Fix the fields listed in errors and send it again.":
    "Header của yêu cầu không hợp lệ. Vui lòng sửa các trường được liệt kê trong errors rồi gửi lại.",
  "The request body is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Nội dung yêu cầu không hợp lệ ({0}: {1}). Vui lòng sửa các trường được liệt kê trong errors rồi gửi lại.",
  "The request body is invalid. Fix the fields listed in errors and send it again.":
    "Nội dung yêu cầu không hợp lệ. Vui lòng sửa các trường được liệt kê trong errors rồi gửi lại.",
  "The cursor is not one this list gave out. Pass nextCursor from the previous page unchanged, or omit it to start over.":
    "Cursor này không phải do danh sách này cấp. Vui lòng gửi nguyên nextCursor từ trang trước, hoặc bỏ nó đi để bắt đầu lại.",
  "We do not serve {0} yet. Choose one of {1}.": "Chúng tôi chưa phục vụ tại {0}. Vui lòng chọn một trong {1}.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.":
    "Đó không phải là số điện thoại hợp lệ của {0}. Vui lòng nhập số di động của {1}, ví dụ {2} hoặc {3}.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1}.":
    "Đó không phải là số điện thoại hợp lệ của {0}. Vui lòng nhập số di động của {1}.",
  "Too many code requests from this network. Try again in 1 second.":
    "Có quá nhiều yêu cầu gửi mã từ mạng này. Vui lòng thử lại sau 1 giây.",
  "Too many code requests from this network. Try again in {0} seconds.":
    "Có quá nhiều yêu cầu gửi mã từ mạng này. Vui lòng thử lại sau {0} giây.",
  "Too many codes for this number this hour. Try again in 1 second.":
    "Đã gửi quá nhiều mã đến số này trong giờ này. Vui lòng thử lại sau 1 giây.",
  "Too many codes for this number this hour. Try again in {0} seconds.":
    "Đã gửi quá nhiều mã đến số này trong giờ này. Vui lòng thử lại sau {0} giây.",
  "Too many sign-in attempts from this network. Try again in 1 second.":
    "Có quá nhiều lần thử đăng nhập từ mạng này. Vui lòng thử lại sau 1 giây.",
  "Too many sign-in attempts from this network. Try again in {0} seconds.":
    "Có quá nhiều lần thử đăng nhập từ mạng này. Vui lòng thử lại sau {0} giây.",
  "Too many requests from this network. Try again in 1 second.":
    "Có quá nhiều yêu cầu từ mạng này. Vui lòng thử lại sau 1 giây.",
  "Too many requests from this network. Try again in {0} seconds.":
    "Có quá nhiều yêu cầu từ mạng này. Vui lòng thử lại sau {0} giây.",
  "Too many realtime tickets. Try again in 1 second.": "Có quá nhiều yêu cầu vé realtime. Vui lòng thử lại sau 1 giây.",
  "Too many realtime tickets. Try again in {0} seconds.":
    "Có quá nhiều yêu cầu vé realtime. Vui lòng thử lại sau {0} giây.",
  "Too many device registrations. Try again in 1 second.":
    "Có quá nhiều lượt đăng ký thiết bị. Vui lòng thử lại sau 1 giây.",
  "Too many device registrations. Try again in {0} seconds.":
    "Có quá nhiều lượt đăng ký thiết bị. Vui lòng thử lại sau {0} giây.",
};
