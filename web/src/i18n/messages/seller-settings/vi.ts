import type { SellerSettingsMessages } from "./en";

export const sellerSettingsVi: SellerSettingsMessages = {
  "seller.settings": "Cài đặt cửa hàng",
  "sellerSettings.intro":
    "Tên và mô tả cửa hàng được hiển thị công khai. Thông tin liên hệ và địa chỉ lấy hàng chỉ bạn và nhân viên nền tảng xem được.",
  "sellerSettings.shop": "Cửa hàng",
  "sellerSettings.name": "Tên cửa hàng",
  "sellerSettings.description": "Mô tả",
  "sellerSettings.contact": "Liên hệ",
  "sellerSettings.phone": "Điện thoại",
  "sellerSettings.email": "Email",
  "sellerSettings.address": "Địa chỉ kinh doanh (một dòng)",
  "sellerSettings.pickup": "Địa chỉ lấy hàng",
  "sellerSettings.pickupHelp":
    "Nơi đơn vị vận chuyển đến lấy kiện hàng của bạn. Các hãng như Flash Express và GHN tính phí và tạo đơn theo phường/quận, tỉnh/thành và mã bưu chính của địa chỉ này.",
  "sellerSettings.country": "Quốc gia: {country} (quốc gia của cửa hàng, cố định khi mở cửa hàng)",
  "sellerSettings.street": "Số nhà và tên đường",
  "sellerSettings.street2": "Tòa nhà, tầng, phòng (không bắt buộc)",
  "sellerSettings.city": "Phường, quận",
  "sellerSettings.cityHint":
    "Thái Lan: phường, quận (Khlong Toei Nuea, Watthana). Việt Nam: phường, quận (Phường Bến Nghé, Quận 1). Indonesia: kecamatan hoặc kota.",
  "sellerSettings.province": "Tỉnh/thành phố",
  "sellerSettings.postalCode": "Mã bưu chính",
  "sellerSettings.pickupIncomplete":
    "Hãy điền đủ đường, phường/quận, tỉnh/thành và mã bưu chính của địa chỉ lấy hàng, hoặc để trống tất cả.",
  "sellerSettings.save": "Lưu cài đặt",
  "sellerSettings.saving": "Đang lưu…",
  "sellerSettings.saved": "Đã lưu cài đặt.",
};
