import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of paying from the wallet and of top-ups, keyed by the English template. */
export const walletPayments: ProblemTranslations = {
  "{0} amounts are whole multiples of {1} minor units.": "Số tiền {0} phải là bội số của {1} đơn vị nhỏ nhất.",
  "This top-up is being started right now. Try again in a moment.":
    "Lần nạp tiền này đang được bắt đầu. Vui lòng thử lại sau giây lát.",
  "Your wallet has {0} available, less than the {1} to pay. Top up or choose another way to pay.":
    "Ví của bạn có {0} khả dụng, ít hơn số {1} cần thanh toán. Hãy nạp tiền hoặc chọn cách thanh toán khác.",
  "Sign in to pay from your wallet.": "Hãy đăng nhập để thanh toán bằng ví của bạn.",
  "This wallet payment was given up before it went through, and nothing was taken from your wallet. Pay again with a new request.":
    "Khoản thanh toán bằng ví này đã bị hủy trước khi hoàn tất và không có tiền nào bị trừ khỏi ví của bạn. Hãy thanh toán lại bằng một yêu cầu mới.",
  "Pay from the wallet with method wallet.": "Thanh toán bằng ví với method là wallet.",
  "Your wallet can hold at most {0}; a top-up of up to {1} fits now.":
    "Ví của bạn chứa được tối đa {0}; hiện có thể nạp tối đa {1}.",
  "This Idempotency-Key already started a top-up of another amount. Use a new key for a new top-up.":
    "Idempotency-Key này đã dùng để bắt đầu một lần nạp tiền với số tiền khác. Hãy dùng khóa mới cho lần nạp mới.",
};
