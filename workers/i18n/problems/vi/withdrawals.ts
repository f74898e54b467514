import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of withdrawals and disbursements, keyed by the English template. */
export const withdrawals: ProblemTranslations = {
  "A bank account number in {0} has {1} to {2} digits. Check the number.":
    "Số tài khoản ngân hàng tại {0} có từ {1} đến {2} chữ số. Hãy kiểm tra lại số.",
  "The webhook's signature does not verify.": "Chữ ký của webhook không hợp lệ.",
  "There is no disbursement with this id among yours.":
    "Không có khoản chi trả nào với id này trong các khoản của bạn.",
  "There is no sandbox disbursement with this id.": "Không có khoản chi trả sandbox nào với id này.",
  "This Idempotency-Key already started a withdrawal of another amount or to another account. Use a new key for a new withdrawal.":
    "Idempotency-Key này đã bắt đầu một lần rút tiền với số tiền khác hoặc tới tài khoản khác. Hãy dùng khóa mới cho lần rút tiền mới.",
  "Unknown bank for {0}. Use one of {1}.": "Ngân hàng không xác định cho {0}. Hãy dùng một trong {1}.",
  "Withdrawals in {0} are not available here. Use {1}.": "Chưa thể rút tiền bằng {0} tại đây. Hãy dùng {1}.",
  "Withdrawals to a bank are available in {0}. Choose one of those wallets.":
    "Có thể rút tiền về ngân hàng bằng {0}. Hãy chọn một trong các ví đó.",
  "Write the account holder's name as the bank has it.": "Hãy ghi tên chủ tài khoản đúng như ngân hàng lưu.",
  "Your wallet is restricted: it can receive money but not send or withdraw it. Contact support to lift the restriction.":
    "Ví của bạn bị hạn chế: có thể nhận tiền nhưng không thể gửi hoặc rút. Hãy liên hệ bộ phận hỗ trợ để gỡ hạn chế.",
};
