import { PICKUP_TEMPLATES } from "./pickups";
import { RETURN_TEMPLATES } from "./returns";
import type { TemplateCatalog } from "./types";

/**
 * Vietnamese notifications. Vietnamese has no grammatical plural: plurals use `other` (and `=1`).
 * SMS texts are written without diacritics (khong dau), as Vietnamese brand-name SMS usually are:
 * carriers bill and filter them as 7-bit text.
 */
export const vi: TemplateCatalog = {
  "order.created": {
    title: "Đã đặt đơn hàng {number}",
    body: "{items, plural, other {# sản phẩm}} từ {shop}, {total}. Hãy thanh toán trước {deadline} để giữ đơn hàng.",
    sms: "Tchat: don hang {number} ({total}) dang cho thanh toan. Thanh toan truoc {deadline} neu khong don se bi huy.",
    email: {
      subject: "Đơn hàng {number} đang chờ thanh toán",
      body:
        "Cảm ơn bạn đã đặt hàng từ {shop}.\n\n" +
        "Đơn hàng: {number}\nSố sản phẩm: {items, plural, other {# sản phẩm}}\nTổng cộng: {total}\n\n" +
        "Vui lòng thanh toán trước {deadline}. Đơn chưa thanh toán sẽ bị hủy và hàng được trả lại kho.\n\n" +
        "Xem đơn hàng: {link}",
    },
    push: { title: "Đã đặt đơn hàng {number}", body: "Thanh toán {total} trước {deadline} để giữ đơn hàng." },
  },
  "order.paid": {
    title: "Đã nhận thanh toán đơn hàng {number}",
    body: "Chúng tôi đã nhận {total} cho đơn hàng của bạn từ {shop}. Cửa hàng đang chuẩn bị hàng.",
    sms: "Tchat: da nhan thanh toan {total} cho don hang {number}. Cua hang dang chuan bi hang.",
    email: {
      subject: "Đã nhận thanh toán: đơn hàng {number}",
      body:
        "Chúng tôi đã nhận khoản thanh toán {total} cho đơn hàng {number} từ {shop}.\n\n" +
        "Cửa hàng đang chuẩn bị đơn hàng; chúng tôi sẽ báo khi hàng được gửi đi.\n\n" +
        "Xem đơn hàng: {link}",
    },
  },
  "seller.order_paid": {
    title: "Đơn hàng mới đã thanh toán {number}",
    body: "{items, plural, other {# sản phẩm}}, {total}. Hãy đóng gói và cập nhật là đã gửi hàng.",
    sms: "Tchat: don hang moi {number} da thanh toan ({total}). Hay dong goi va gui hang.",
    email: {
      subject: "Đơn hàng mới đã thanh toán {number} ({total})",
      body:
        "{shop} có đơn hàng mới đã thanh toán.\n\n" +
        "Đơn hàng: {number}\nSố sản phẩm: {items, plural, other {# sản phẩm}}\nTổng cộng: {total}\n\n" +
        "Hãy đóng gói, sau đó cập nhật đã gửi hàng kèm mã vận đơn: {link}",
    },
    push: { title: "Đơn hàng mới {number}", body: "{total}, {items, plural, other {# sản phẩm}}" },
  },
  "order.shipped": {
    title: "Đơn hàng {number} đang được giao",
    body: "{shop} đã gửi đơn hàng của bạn qua {courier}.{hasTracking, select, yes { Mã vận đơn: {tracking}.} other {}}",
    sms: "Tchat: don hang {number} da gui qua {courier}.{hasTracking, select, yes { Ma van don: {tracking}} other {}}",
    email: {
      subject: "Đơn hàng {number} đã được gửi",
      body:
        "Tin vui: {shop} đã gửi đơn hàng {number} của bạn qua {courier}.\n" +
        "{hasTracking, select, yes {Mã vận đơn: {tracking}\n} other {}}\n" +
        "Theo dõi đơn hàng: {link}",
    },
  },
  "order.delivered": {
    title: "Đơn hàng {number} đã giao thành công",
    body: "Đơn hàng từ {shop} đã được giao. Chúc bạn hài lòng, và hãy để lại đánh giá cho người mua khác.",
    sms: "Tchat: don hang {number} da duoc giao. Chuc ban hai long!",
    email: {
      subject: "Đơn hàng {number} đã được giao",
      body:
        "Đơn hàng {number} từ {shop} đã được giao.\n\n" +
        "Hy vọng bạn thích sản phẩm. Đánh giá của bạn giúp người mua khác lựa chọn: {link}",
    },
  },
  "order.cancelled": {
    title: "Đơn hàng {number} đã bị hủy",
    body: "Đơn hàng từ {shop} đã bị hủy.{refund, select, yes { Khoản thanh toán {total} sẽ được hoàn lại.} other {}}",
    sms: "Tchat: don hang {number} da bi huy.{refund, select, yes { {total} se duoc hoan lai.} other {}}",
    email: {
      subject: "Đơn hàng {number} đã bị hủy",
      body:
        "Đơn hàng {number} của bạn từ {shop} đã bị hủy.\n\n" +
        "{refund, select, yes {Khoản thanh toán {total} sẽ được hoàn về phương thức bạn đã dùng.\n\n} other {}}" +
        "Chi tiết đơn hàng: {link}",
    },
  },
  "seller.order_cancelled": {
    title: "Đơn hàng {number} đã bị hủy",
    body: "Đơn hàng {number} ({total}) đã bị hủy. Đừng gửi hàng; người mua được hoàn tiền.",
    sms: "Tchat: don hang {number} ({total}) da bi huy. Dung gui hang.",
    email: {
      subject: "Đơn hàng {number} đã bị hủy: đừng gửi hàng",
      body:
        "Đơn hàng {number} ({total}) tại {shop} đã bị hủy sau khi thanh toán. Đừng gửi hàng; " +
        "người mua được hoàn tiền.\n\nChi tiết đơn hàng: {link}",
    },
  },
  "order.refunded": {
    title: "Đơn hàng {number} đã được hoàn tiền",
    body: "Khoản thanh toán {total} cho đơn hàng từ {shop} đã được hoàn lại.",
    sms: "Tchat: {total} cua don hang {number} da duoc hoan lai.",
    email: {
      subject: "Đơn hàng {number} đã được hoàn tiền",
      body:
        "Khoản thanh toán {total} cho đơn hàng {number} từ {shop} đã được hoàn về phương thức bạn đã dùng. " +
        "Có thể mất vài ngày để hiển thị.\n\nChi tiết đơn hàng: {link}",
    },
  },
  "order.expired": {
    title: "Đơn hàng {number} đã hết hạn",
    body: "Đơn hàng từ {shop} không được thanh toán kịp thời nên đã bị hủy và hàng được trả lại kho.",
    sms: "Tchat: don hang {number} khong duoc thanh toan kip thoi va da bi huy.",
    email: {
      subject: "Đơn hàng {number} đã hết hạn",
      body:
        "Đơn hàng {number} từ {shop} không được thanh toán kịp thời nên đã bị hủy và hàng được trả lại kho.\n\n" +
        "Vẫn muốn mua? Thêm lại vào giỏ hàng: {link}",
    },
  },
  "payment.failed": {
    title: "Thanh toán đơn hàng {number} không thành công",
    body:
      "Khoản thanh toán {total}{orders, plural, =1 {} other { cho # đơn hàng}} không thành công. " +
      "Hãy thử lại hoặc chọn phương thức khác trước khi đơn hàng hết hạn.",
    sms: "Tchat: thanh toan {total} cho don hang {number} khong thanh cong. Hay thu lai trong ung dung truoc khi don het han.",
    email: {
      subject: "Thanh toán đơn hàng {number} không thành công",
      body:
        "Khoản thanh toán {total}{orders, plural, =1 {} other { cho # đơn hàng}} không thành công.\n\n" +
        "Hãy thử lại, hoặc chọn phương thức thanh toán khác, trước khi đơn hàng hết hạn: {link}",
    },
  },
  "seller.stock_low": {
    title: "Sắp hết hàng: {product}",
    body:
      "{variant, select, none {} other {{variant}: }}chỉ còn {available, plural, other {# sản phẩm}} " +
      "(dưới mức cảnh báo {threshold, number}). Hãy nhập thêm hàng để tiếp tục bán.",
    sms: "Tchat: {product} sap het hang, con {available, plural, other {#}}.",
    email: {
      subject: "Sắp hết hàng: {product}",
      body:
        "{product}{variant, select, none {} other { ({variant})}} sắp hết: chỉ còn {available, plural, other {# sản phẩm}}, " +
        "dưới mức cảnh báo {threshold, number}.\n\nNhập thêm hàng để tiếp tục bán: {link}",
    },
  },
  "chat.message": {
    title: "{group, select, yes {{sender} trong {dialog}} other {{sender}}}",
    body:
      "{count, plural, =1 {{kind, select, image {Đã gửi một ảnh} file {Đã gửi một tệp} location {Đã chia sẻ vị trí} " +
      "sticker {Đã gửi một nhãn dán} card {Đã chia sẻ một sản phẩm} other {Đã gửi cho bạn một tin nhắn}}} other {# tin nhắn mới}}",
    sms: "Tchat: {count, plural, =1 {tin nhan moi} other {# tin nhan moi}} tu {sender}.",
    email: {
      subject: "{count, plural, =1 {Tin nhắn mới} other {# tin nhắn mới}} từ {sender}",
      body: "{sender} đã nhắn cho bạn{group, select, yes { trong {dialog}} other {}}. Trả lời trên Tchat: {link}",
    },
  },
  "security.alert": {
    title:
      "{alert, select, new_sign_in {Đăng nhập mới vào tài khoản của bạn} password_changed {Mật khẩu của bạn đã được thay đổi} " +
      "sessions_revoked {Bạn đã bị đăng xuất khỏi mọi thiết bị} other {Cảnh báo bảo mật}}",
    body:
      "{alert, select, new_sign_in {{device} đã đăng nhập lúc {at}. Không phải bạn? Hãy đăng xuất mọi phiên và đổi mật khẩu.} " +
      "password_changed {Mật khẩu của bạn đã được đổi lúc {at}. Không phải bạn? Hãy đặt lại ngay và liên hệ hỗ trợ.} " +
      "sessions_revoked {Mọi phiên của bạn đã bị đăng xuất lúc {at}.} " +
      "other {Tài khoản của bạn có thay đổi lúc {at}. Hãy kiểm tra Cài đặt > Bảo mật.}}",
    sms: "Tchat bao mat: {alert, select, new_sign_in {dang nhap moi tu {device} luc {at}.} password_changed {mat khau da doi luc {at}.} other {tai khoan thay doi luc {at}.}} Khong phai ban? Lien he ho tro.",
    email: {
      subject: "Cảnh báo bảo mật tài khoản Tchat",
      body:
        "{alert, select, new_sign_in {{device} đã đăng nhập vào tài khoản của bạn lúc {at}.} " +
        "password_changed {Mật khẩu của bạn đã được đổi lúc {at}.} " +
        "sessions_revoked {Mọi phiên của bạn đã bị đăng xuất lúc {at}.} other {Tài khoản của bạn có thay đổi lúc {at}.}}\n\n" +
        "Nếu không phải bạn, hãy bảo vệ tài khoản ngay: {link}",
    },
  },
  "promotion.price_drop": {
    title: "Giảm giá: {product}",
    body: "Giờ chỉ còn {price}, trước đây {previousPrice} (giảm {percent, number}%). Mua ngay trước khi hết hàng.",
    sms: "Tchat: {product} gio chi con {price} (truoc day {previousPrice}).",
    email: {
      subject: "Giảm giá: {product} chỉ còn {price}",
      body:
        "Tin vui: {product} bạn đã xem giờ chỉ còn {price} (trước đây {previousPrice}, giảm {percent, number}%).\n\n" +
        "Xem sản phẩm: {link}",
    },
  },
  "promotion.voucher_expiring": {
    title: "Mã giảm giá {code} sắp hết hạn",
    body: "Hãy dùng mã {code} trước {expires}, sau đó mã sẽ hết hiệu lực.",
    sms: "Tchat: ma giam gia {code} cua ban het han vao {expires}.",
    email: {
      subject: "Mã giảm giá {code} hết hạn vào {expires}",
      body: "Mã giảm giá {code} của bạn hết hạn vào {expires}. Hãy dùng khi thanh toán trước thời điểm đó: {link}",
    },
  },
  ...RETURN_TEMPLATES.vi,
  ...PICKUP_TEMPLATES.vi,
};
