import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of orders, checkout, vouchers, payments and notifications, keyed by the English template. */
export const orders: ProblemTranslations = {
  "You have no notification with this id.": "Bạn không có thông báo nào với id này.",
  "You have no push device with this id.": "Bạn không có thiết bị nhận thông báo đẩy nào với id này.",
  "There is no active product with this id.": "Không có sản phẩm đang bán nào với id này.",
  "The product is priced in {0}. Fix previousPrice.currency and send it again.":
    "Sản phẩm được định giá bằng {0}. Vui lòng sửa previousPrice.currency rồi gửi lại.",
  "The product's price now is not lower than previousPrice. Fix previousPrice.amount and send it again.":
    "Giá hiện tại của sản phẩm không thấp hơn previousPrice. Vui lòng sửa previousPrice.amount rồi gửi lại.",
  "There is no voucher with this code.": "Không có voucher nào với mã này.",
  "This voucher has no expiry ahead of it. Fix voucherCode and send it again.":
    "Voucher này không có ngày hết hạn sắp tới. Vui lòng sửa voucherCode rồi gửi lại.",
  "At most {0} recipients per promotion. Fix userIds and send it again.":
    "Mỗi chương trình khuyến mãi có tối đa {0} người nhận. Vui lòng sửa userIds rồi gửi lại.",
  "Nothing exists at this address.": "Không có gì tại địa chỉ này.",
  "At most {0} events per call (NOTIFICATIONS_BENCH_MAX_EVENTS).":
    "Tối đa {0} sự kiện cho mỗi lần gọi (NOTIFICATIONS_BENCH_MAX_EVENTS).",
  "Resend webhooks cannot be verified here: set RESEND_WEBHOOK_SECRET (whsec_...) for this environment.":
    "Không thể xác minh webhook của Resend tại đây: hãy đặt RESEND_WEBHOOK_SECRET (whsec_...) cho môi trường này.",
  "Twilio callbacks cannot be verified here: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN for this environment.":
    "Không thể xác minh callback của Twilio tại đây: hãy đặt TWILIO_ACCOUNT_SID và TWILIO_AUTH_TOKEN cho môi trường này.",
  "Twilio status callbacks are form-encoded (application/x-www-form-urlencoded).":
    "Callback trạng thái của Twilio được mã hóa dạng form (application/x-www-form-urlencoded).",
  "There is no order with this id.": "Không có đơn hàng nào với id này.",
  "This order is not yours, nor your shop's.": "Đơn hàng này không phải của bạn, cũng không phải của cửa hàng bạn.",
  "There is no order with this id. Guests: send the X-Cart-Token used at checkout.":
    "Không có đơn hàng nào với id này. Khách chưa đăng nhập: vui lòng gửi X-Cart-Token đã dùng khi thanh toán.",
  "A shipped order can no longer be cancelled; ask for a return once it arrives.":
    "Đơn hàng đã được gửi đi nên không thể hủy nữa; hãy yêu cầu trả hàng sau khi nhận được.",
  "An order that is {0} can no longer be cancelled.": "Đơn hàng ở trạng thái {0} không thể hủy được nữa.",
  "This checkout was interrupted and then abandoned: your items are back in your cart and nothing is reserved. Check out again with a new Idempotency-Key.":
    "Lần thanh toán này đã bị gián đoạn rồi bị hủy bỏ: các sản phẩm đã trở lại giỏ hàng của bạn và không có gì được giữ chỗ. Vui lòng thanh toán lại với Idempotency-Key mới.",
  "Your cart is empty. Add items first.": "Giỏ hàng của bạn đang trống. Vui lòng thêm sản phẩm trước.",
  "You already have {0} unpaid orders holding stock and this checkout makes {1} more; one buyer may have at most {2} open at a time. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "Bạn đã có {0} đơn hàng chưa thanh toán đang giữ hàng và lần thanh toán này tạo thêm {1} đơn; mỗi người mua chỉ được có tối đa {2} đơn chưa thanh toán cùng lúc. Vui lòng thanh toán hoặc hủy một đơn chưa thanh toán, rồi thanh toán lại (với Idempotency-Key mới).",
  "Your unpaid orders already hold {0} units and this checkout would hold {1} more; one buyer may hold at most {2} units in unpaid orders. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key). Or buy fewer units.":
    "Các đơn chưa thanh toán của bạn đã giữ {0} sản phẩm và lần thanh toán này sẽ giữ thêm {1}; mỗi người mua chỉ được giữ tối đa {2} sản phẩm trong các đơn chưa thanh toán. Vui lòng thanh toán hoặc hủy một đơn chưa thanh toán, rồi thanh toán lại (với Idempotency-Key mới). Hoặc mua ít sản phẩm hơn.",
  "Unpaid orders checked out from your network already hold {0} orders and {1} units; at most {2} orders and {3} units may be open per IP address. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "Các đơn chưa thanh toán đặt từ mạng của bạn đã có {0} đơn và {1} sản phẩm; mỗi địa chỉ IP chỉ được có tối đa {2} đơn và {3} sản phẩm chưa thanh toán. Vui lòng thanh toán hoặc hủy một đơn chưa thanh toán, rồi thanh toán lại (với Idempotency-Key mới).",
  "Some items in your cart are no longer for sale. Remove them (POST /api/v1/cart/validate lists them) and check out again.":
    "Một số sản phẩm trong giỏ hàng của bạn không còn được bán. Vui lòng bỏ chúng ra (POST /api/v1/cart/validate liệt kê các sản phẩm này) rồi thanh toán lại.",
  "Your cart mixes currencies. Keep items of one currency and check out again.":
    "Giỏ hàng của bạn có nhiều loại tiền tệ. Vui lòng chỉ giữ sản phẩm cùng một loại tiền tệ rồi thanh toán lại.",
  "Guests send the address inline as shippingAddress.":
    "Khách chưa đăng nhập gửi địa chỉ trực tiếp trong shippingAddress.",
  "You have no saved address with this id.": "Bạn không có địa chỉ đã lưu nào với id này.",
  "This checkout could not reserve its stock. Check out again.":
    "Lần thanh toán này không thể giữ hàng trong kho. Vui lòng thanh toán lại.",
  "Some items do not have enough stock left. Lower the quantities (see errors) and check out again; nothing was reserved.":
    "Một số sản phẩm không còn đủ hàng. Vui lòng giảm số lượng (xem errors) rồi thanh toán lại; chưa có gì được giữ chỗ.",
  "Your cart is empty. Add items first (guests: send the X-Cart-Token of your cart).":
    "Giỏ hàng của bạn đang trống. Vui lòng thêm sản phẩm trước (khách chưa đăng nhập: gửi X-Cart-Token của giỏ hàng).",
  "Guests need a contactEmail for the order confirmation.":
    "Khách chưa đăng nhập cần có contactEmail để nhận xác nhận đơn hàng.",
  "Another attempt with this Idempotency-Key has taken this checkout over. Retry in a moment to get its answer.":
    "Một lần thử khác với Idempotency-Key này đã tiếp quản lần thanh toán này. Vui lòng thử lại sau giây lát để nhận kết quả.",
  "Your open orders or the voucher changed while this checkout ran. Check out again.":
    "Các đơn đang mở hoặc voucher của bạn đã thay đổi trong lúc thanh toán. Vui lòng thanh toán lại.",
  "Sign in, or send the X-Cart-Token you checked out with.":
    "Vui lòng đăng nhập, hoặc gửi X-Cart-Token bạn đã dùng khi thanh toán.",
  "Only the shop's owner sees its orders.": "Chỉ chủ cửa hàng mới xem được đơn hàng của cửa hàng.",
  "Shop {0} ships within {1} only; it cannot deliver to {2}.":
    "Cửa hàng {0} chỉ giao hàng trong {1}; không thể giao đến {2}.",
  "Shop {0} ships within its own country only; it cannot deliver to {1}.":
    "Cửa hàng {0} chỉ giao hàng trong nước của mình; không thể giao đến {1}.",
  "Only the shop's owner moves an order along; buyers can cancel with POST /orders/:id/cancel.":
    "Chỉ chủ cửa hàng mới chuyển trạng thái đơn hàng; người mua có thể hủy bằng POST /orders/:id/cancel.",
  "Shipping needs the parcel's trackingNumber (and courier).":
    "Giao hàng cần có trackingNumber của kiện hàng (và courier).",
  "An order that is {0} cannot become {1}. Possible: {2}.":
    "Đơn hàng ở trạng thái {0} không thể chuyển sang {1}. Có thể chuyển sang: {2}.",
  "An order that is {0} cannot become {1}. No further change is possible.":
    "Đơn hàng ở trạng thái {0} không thể chuyển sang {1}. Không thể thay đổi thêm nữa.",
  "An order that is {0} cannot become {1} by the {2}. Possible: {3}.":
    "Đơn hàng ở trạng thái {0} không thể được {2} chuyển sang {1}. Có thể chuyển sang: {3}.",
  "An order that is {0} cannot become {1} by the {2}. No further change is possible.":
    "Đơn hàng ở trạng thái {0} không thể được {2} chuyển sang {1}. Không thể thay đổi thêm nữa.",
  "The order changed while this request was being handled. Read it again and retry.":
    "Đơn hàng đã thay đổi trong lúc xử lý yêu cầu này. Vui lòng tải lại đơn hàng và thử lại.",
  "This voucher code does not exist. Check the spelling.":
    "Mã voucher này không tồn tại. Vui lòng kiểm tra lại chính tả.",
  "This voucher is not valid yet.": "Voucher này chưa có hiệu lực.",
  "This voucher has expired.": "Voucher này đã hết hạn.",
  "This voucher is for a shop that is not in your cart.":
    "Voucher này dành cho một cửa hàng không có trong giỏ hàng của bạn.",
  "This voucher has been fully used.": "Voucher này đã hết lượt sử dụng.",
  "This voucher is for {0} orders; your cart is in {1}.":
    "Voucher này dành cho đơn hàng bằng {0}; giỏ hàng của bạn bằng {1}.",
  "Spend at least {0} {1} to use this voucher.": "Chi tiêu tối thiểu {0} {1} để dùng voucher này.",
  "You have already used this voucher as many times as allowed.": "Bạn đã dùng voucher này đủ số lần cho phép.",
  "The sandbox gateway is off here. Choose stripe, midtrans, xendit or omise.":
    "Cổng thanh toán sandbox đang tắt tại đây. Vui lòng chọn stripe, midtrans, xendit hoặc omise.",
  "The {0} gateway is not available here: {1}": "Cổng thanh toán {0} không khả dụng tại đây: {1}",
  "Another payment for these orders is being started right now. Try again in a moment.":
    "Một lần thanh toán khác cho các đơn hàng này đang được khởi tạo. Vui lòng thử lại sau giây lát.",
  "{0} cannot take {1} payments in {2}. Choose another method or gateway.":
    "{0} không thể nhận thanh toán {1} bằng {2}. Vui lòng chọn phương thức hoặc cổng thanh toán khác.",
  "The stock hold of these orders has run out; they are expiring. Check out again.":
    "Thời gian giữ hàng của các đơn này đã hết; các đơn sắp hết hạn. Vui lòng thanh toán lại.",
  "A newer payment request for these orders replaced this one. Use the newer payment.":
    "Một yêu cầu thanh toán mới hơn cho các đơn hàng này đã thay thế yêu cầu này. Vui lòng dùng lần thanh toán mới hơn.",
  "Some of these orders do not exist or are not yours.": "Một số đơn hàng này không tồn tại hoặc không phải của bạn.",
  "Only unpaid orders can be paid, and order {0} is no longer awaiting payment.":
    "Chỉ có thể thanh toán đơn hàng chưa thanh toán, và đơn hàng {0} không còn chờ thanh toán.",
  "Only unpaid orders can be paid, and orders {0} are no longer awaiting payment.":
    "Chỉ có thể thanh toán đơn hàng chưa thanh toán, và các đơn hàng {0} không còn chờ thanh toán.",
  "Pay for orders of one currency at a time.": "Vui lòng thanh toán các đơn hàng cùng một loại tiền tệ mỗi lần.",
  "{0} gave an answer we could not read, so this payment was not started. Try again in a moment, or choose another gateway.":
    "{0} trả về phản hồi mà chúng tôi không đọc được, nên lần thanh toán này chưa được bắt đầu. Vui lòng thử lại sau giây lát, hoặc chọn cổng thanh toán khác.",
  "{0} is not answering right now. Try again in a moment, or choose another gateway.":
    "{0} hiện không phản hồi. Vui lòng thử lại sau giây lát, hoặc chọn cổng thanh toán khác.",
  "{0} refused this payment: {1}": "{0} đã từ chối lần thanh toán này: {1}",
  "There is no payment with this id.": "Không có khoản thanh toán nào với id này.",
  "This payment is not yours.": "Khoản thanh toán này không phải của bạn.",
  "There is no payment with this id. Guests: send the X-Cart-Token used at checkout.":
    "Không có khoản thanh toán nào với id này. Khách chưa đăng nhập: vui lòng gửi X-Cart-Token đã dùng khi thanh toán.",
  "The webhook signature is missing or wrong.": "Chữ ký webhook bị thiếu hoặc không đúng.",
  "The event was refused: {0}. It has been logged for review.":
    "Sự kiện đã bị từ chối: {0}. Sự kiện đã được ghi lại để xem xét.",
  "Only sandbox payments can be simulated; this one is handled by its gateway.":
    "Chỉ có thể mô phỏng các khoản thanh toán sandbox; khoản này do cổng thanh toán của nó xử lý.",
  "This payment was cancelled at the gateway (a newer payment request replaced it, or its orders ended). Pay the open payment instead.":
    "Khoản thanh toán này đã bị hủy tại cổng thanh toán (một yêu cầu thanh toán mới hơn đã thay thế nó, hoặc các đơn hàng của nó đã kết thúc). Vui lòng thanh toán khoản đang mở.",
  // Stripe's regional methods (PayNow, FPX, GrabPay): currency rules and the FPX bank.
  "PayNow takes only Singapore dollars (SGD). Choose another method.":
    "PayNow chỉ nhận đô la Singapore (SGD). Vui lòng chọn phương thức khác.",
  "FPX takes only Malaysian ringgit (MYR). Choose another method.":
    "FPX chỉ nhận ringgit Malaysia (MYR). Vui lòng chọn phương thức khác.",
  "GrabPay takes only Singapore dollars (SGD) or Malaysian ringgit (MYR). Choose another method.":
    "GrabPay chỉ nhận đô la Singapore (SGD) hoặc ringgit Malaysia (MYR). Vui lòng chọn phương thức khác.",
  "Only FPX payments take a bank. Leave bank out.": "Chỉ thanh toán FPX mới cần ngân hàng. Vui lòng bỏ trường bank.",
  "Choose your bank for FPX: send bank with one of the codes the payment options list.":
    "Hãy chọn ngân hàng của bạn cho FPX: gửi bank với một trong các mã có trong danh sách tùy chọn thanh toán.",
  "FPX does not know this bank. Send one of the bank codes the payment options list.":
    "FPX không biết ngân hàng này. Hãy gửi một trong các mã ngân hàng có trong danh sách tùy chọn thanh toán.",
  "A delivered or completed order is refunded with its payment: POST /api/v1/admin/payments/:id/refund (an operator), or through a return.":
    "Đơn hàng đã giao hoặc đã hoàn tất được hoàn tiền cùng với khoản thanh toán: POST /api/v1/admin/payments/:id/refund (do quản trị viên), hoặc qua yêu cầu trả hàng.",
};
