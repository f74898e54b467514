import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of FX quotes and wallet conversions, keyed by the English template. */
export const fx: ProblemTranslations = {
  "Choose a target currency other than the one you convert from.":
    "Hãy chọn loại tiền đích khác với loại tiền bạn quy đổi.",
  "Rupiah amounts are whole rupiah: send an amount that is a multiple of 100 minor units.":
    "Số tiền rupiah phải là rupiah chẵn: hãy gửi số tiền là bội số của 100 đơn vị nhỏ.",
  "Exchange rates are being updated and no quote can be given right now. Try again in a few minutes.":
    "Tỷ giá đang được cập nhật nên hiện chưa thể báo giá. Hãy thử lại sau vài phút.",
  "This amount is too small to convert: the fee is {0}. Convert more.":
    "Số tiền này quá nhỏ để quy đổi: phí là {0}. Hãy quy đổi nhiều hơn.",
  "This quote has expired. Ask for a new quote and convert with it.":
    "Báo giá này đã hết hạn. Hãy yêu cầu báo giá mới và quy đổi bằng báo giá đó.",
  "This quote was already used for a conversion. Ask for a new quote.":
    "Báo giá này đã được dùng cho một lần quy đổi. Hãy yêu cầu báo giá mới.",
  "This Idempotency-Key already converted another quote. Use a new key for a new conversion.":
    "Idempotency-Key này đã quy đổi một báo giá khác. Hãy dùng khóa mới cho lần quy đổi mới.",
  "Your wallet is restricted: it cannot convert money now. Contact support to lift the restriction.":
    "Ví của bạn bị hạn chế: hiện không thể quy đổi tiền. Hãy liên hệ bộ phận hỗ trợ để gỡ hạn chế.",
  "Your wallet has {0} available, less than this conversion. Top up or ask for a smaller quote.":
    "Ví của bạn có {0} khả dụng, ít hơn số tiền quy đổi này. Hãy nạp tiền hoặc yêu cầu báo giá nhỏ hơn.",
  "This wallet may hold at most {0}; {1} of room remains. Ask for a smaller quote.":
    "Ví này chỉ được giữ tối đa {0}; còn trống {1}. Hãy yêu cầu báo giá nhỏ hơn.",
  "There is no FX quote with this id. Ask for a quote first.":
    "Không có báo giá quy đổi nào có mã này. Hãy yêu cầu báo giá trước.",
  "This amount is too large to convert at once. Convert less.":
    "Số tiền này quá lớn để quy đổi một lần. Hãy quy đổi ít hơn.",
};
