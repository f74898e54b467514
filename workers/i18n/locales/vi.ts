import type { Catalog } from "./en";

/**
 * Vietnamese account messages (NFC, full diacritics). Vietnamese has no grammatical plural, so
 * plurals use only `other`. Vietnamese puts the time before the date ("lúc 14:30 ngày ...").
 */
export const vi: Catalog = {
  otp_code: {
    sms: "{appName}: Mã đăng nhập là {code}, hiệu lực {minutes, plural, other {# phút}}. Đừng chia sẻ mã này.",
    email: {
      subject: "Mã đăng nhập {appName} của bạn là {code}",
      body:
        "Mã đăng nhập {appName} của bạn là:\n\n{code}\n\n" +
        "Mã có hiệu lực trong {minutes, plural, other {# phút}}. Tuyệt đối không chia sẻ mã này với bất kỳ ai, " +
        "kể cả nhân viên {appName}. Chúng tôi sẽ không bao giờ hỏi bạn mã này.\n\n" +
        "Nếu bạn không đăng nhập, hãy bỏ qua email này.",
    },
  },
  welcome: {
    sms: "Chào mừng {name} đến với Tchat! Tài khoản của bạn đã sẵn sàng.",
    email: {
      subject: "Chào mừng {name} đến với Tchat!",
      body:
        "Xin chào {name},\n\nChào mừng bạn đến với Tchat! Tài khoản của bạn đã sẵn sàng. " +
        "Trò chuyện với bạn bè, khám phá cửa hàng và thanh toán an toàn, tất cả trong một ứng dụng.\n\n" +
        "Đội ngũ Tchat",
    },
  },
  new_device: {
    sms:
      "Tchat: Có đăng nhập mới trên {device} ({platform, select, ios {iOS} android {Android} web {trình duyệt web} other {{platform}}}) " +
      "lúc {time, time, short} ngày {time, date, medium}. Không phải bạn? Hãy đăng xuất mọi phiên trong Cài đặt và đổi mật khẩu.",
    email: {
      subject: "Đăng nhập mới vào tài khoản Tchat của bạn",
      body:
        "Tài khoản Tchat của bạn vừa được đăng nhập trên một thiết bị mới:\n\n" +
        "Thiết bị: {device}\n" +
        "Nền tảng: {platform, select, ios {iOS} android {Android} web {Trình duyệt web} other {{platform}}}\n" +
        "Thời gian: {time, time, short} ngày {time, date, medium}\n\n" +
        "Nếu đó là bạn, bạn không cần làm gì thêm. Nếu không phải bạn, hãy vào Cài đặt > Thiết bị, " +
        "thu hồi mọi phiên đăng nhập mà bạn không nhận ra và đổi mật khẩu ngay.",
    },
  },
  password_reset: {
    sms:
      "Tchat: Đặt lại mật khẩu tại {link} Liên kết chỉ dùng được một lần và hết hạn sau " +
      "{minutes, plural, other {# phút}}. Nếu bạn không yêu cầu, hãy bỏ qua tin nhắn này.",
    email: {
      subject: "Đặt lại mật khẩu Tchat của bạn",
      body:
        "Chúng tôi đã nhận được yêu cầu đặt lại mật khẩu cho tài khoản Tchat của bạn.\n\n" +
        "Đặt lại mật khẩu: {link}\n\n" +
        "Liên kết này chỉ sử dụng được một lần và sẽ hết hạn sau {minutes, plural, other {# phút}}. " +
        "Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua email này; mật khẩu của bạn sẽ không thay đổi.",
    },
  },
  password_changed: {
    sms:
      "Tchat: Mật khẩu của bạn đã được thay đổi và mọi phiên đăng nhập đã bị đăng xuất. " +
      "Không phải bạn? Hãy liên hệ bộ phận hỗ trợ Tchat ngay.",
    email: {
      subject: "Mật khẩu Tchat của bạn đã được thay đổi",
      body:
        "Mật khẩu tài khoản Tchat của bạn vừa được thay đổi. Để bảo mật, bạn đã được đăng xuất khỏi tất cả " +
        "thiết bị; hãy đăng nhập lại bằng mật khẩu mới.\n\n" +
        "Nếu bạn không thực hiện thay đổi này, hãy đặt lại mật khẩu ngay và liên hệ bộ phận hỗ trợ Tchat.",
    },
  },
  account_deleted: {
    sms:
      "Tchat: Tài khoản của bạn đã được xóa cùng toàn bộ dữ liệu cá nhân. " +
      "Lịch sử đơn hàng được lưu giữ theo quy định pháp luật, không kèm dữ liệu cá nhân.",
    email: {
      subject: "Tài khoản Tchat của bạn đã được xóa",
      body:
        "Xin chào {name},\n\nTài khoản Tchat của bạn đã được xóa theo yêu cầu. Chúng tôi đã xóa dữ liệu cá nhân " +
        "của bạn và đăng xuất bạn khỏi mọi thiết bị.\n\n" +
        "Lịch sử các đơn hàng trước đây vẫn được lưu giữ theo quy định của pháp luật, nhưng không còn chứa " +
        "dữ liệu cá nhân nào của bạn.\n\nCảm ơn bạn đã sử dụng Tchat.",
    },
  },
};
