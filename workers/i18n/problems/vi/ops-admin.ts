import type { ProblemTranslations } from "../types";

/** Problem details of the operators' admin API (users, payments), keyed by the English template. */
export const opsAdmin: ProblemTranslations = {
  "Search by one exact value: a phone number in international form such as +66812345678 (or a national number with its country), an email address, or a user id starting with usr_.":
    "Hãy tìm bằng một giá trị chính xác: số điện thoại dạng quốc tế như +66812345678 (hoặc số trong nước kèm quốc gia), địa chỉ email, hoặc mã người dùng bắt đầu bằng usr_.",
  "This payment was never paid, so there is nothing to refund.":
    "Khoản thanh toán này chưa từng được trả, nên không có gì để hoàn tiền.",
  "A cash-on-delivery payment was paid in cash to the courier: refund it to the buyer's wallet or by bank transfer instead.":
    "Khoản thanh toán khi nhận hàng đã trả bằng tiền mặt cho người giao hàng: hãy hoàn tiền vào ví của người mua hoặc chuyển khoản ngân hàng.",
  "At most {0} of this payment can still be refunded. Enter an amount up to that.":
    "Khoản thanh toán này chỉ còn có thể hoàn tối đa {0}. Hãy nhập số tiền không vượt quá mức đó.",
  "The amount is not in the payment's currency. Give it in the payment's currency.":
    "Số tiền không theo đơn vị tiền tệ của khoản thanh toán. Hãy nhập theo đơn vị tiền tệ của khoản thanh toán.",
  "Enter an amount above zero.": "Hãy nhập số tiền lớn hơn 0.",
  "This refund is being made right now. Look at the payment again in a minute.":
    "Khoản hoàn tiền này đang được thực hiện. Hãy xem lại khoản thanh toán sau một phút.",
  "The payment gateway did not accept the refund. Nothing was refunded; try again with the same Idempotency-Key.":
    "Cổng thanh toán không chấp nhận yêu cầu hoàn tiền. Chưa có khoản nào được hoàn; hãy thử lại với cùng Idempotency-Key.",
};
