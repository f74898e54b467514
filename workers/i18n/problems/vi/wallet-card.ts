import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of transfer cards in chat and the wallet's part in account deletion, keyed by the English template. */
export const walletCard: ProblemTranslations = {
  "You can share only a transfer you sent, in the direct dialog with the person you sent it to.":
    "Bạn chỉ có thể chia sẻ khoản chuyển do chính bạn gửi, trong cuộc trò chuyện trực tiếp với người nhận.",
  "Your wallet still holds money ({0}). Withdraw it to your bank or spend it first, wait for transfers in flight to finish, then delete the account.":
    "Ví của bạn vẫn còn tiền ({0}). Hãy rút về tài khoản ngân hàng hoặc chi tiêu trước, chờ các khoản chuyển đang xử lý hoàn tất, rồi mới xóa tài khoản.",
};
