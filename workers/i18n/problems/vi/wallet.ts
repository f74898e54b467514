import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of the wallet and transfers, keyed by the English template. */
export const wallet: ProblemTranslations = {
  "One transfer may be at most {0} at your verification level. Send less.":
    "Mỗi lần chuyển tối đa {0} ở mức xác minh của bạn. Hãy chuyển ít hơn.",
  "You can send {0} in any 24 hours; {1} of it remains now.":
    "Bạn có thể chuyển {0} trong 24 giờ bất kỳ; hiện còn lại {1}.",
  "The recipient's wallet cannot hold this amount now (its balance limit). Nothing was sent; send less or ask them to make room.":
    "Ví của người nhận hiện không thể nhận số tiền này (hạn mức số dư). Chưa có gì được chuyển; hãy chuyển ít hơn hoặc nhờ người nhận giảm số dư.",
  "Your wallet has {0} available, less than this transfer. Top up or send less.":
    "Ví của bạn có {0} khả dụng, ít hơn số tiền chuyển này. Hãy nạp thêm hoặc chuyển ít hơn.",
  "Your wallet is restricted: it can receive money but not send it. Contact support to lift the restriction.":
    "Ví của bạn bị hạn chế: có thể nhận tiền nhưng không thể chuyển đi. Hãy liên hệ bộ phận hỗ trợ để gỡ hạn chế.",
  "This Idempotency-Key already started a transfer to another recipient, amount or note. Use a new key for a new transfer.":
    "Idempotency-Key này đã bắt đầu một lần chuyển tới người nhận, số tiền hoặc ghi chú khác. Hãy dùng khóa mới cho lần chuyển mới.",
  "You cannot send money to yourself. Choose another recipient.":
    "Bạn không thể chuyển tiền cho chính mình. Hãy chọn người nhận khác.",
  "There is no active account with this user id. Check the recipient.":
    "Không có tài khoản đang hoạt động nào có mã người dùng này. Hãy kiểm tra người nhận.",
  "No active account uses this phone number. Check the number, or ask the person to sign up first.":
    "Không có tài khoản đang hoạt động nào dùng số điện thoại này. Hãy kiểm tra số, hoặc nhờ người đó đăng ký trước.",
  "There is no wallet transaction with this id in your wallet.":
    "Không có giao dịch ví nào có mã này trong ví của bạn.",
};
