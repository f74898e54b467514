import type { logisticsEn } from "./en";

/** Vietnamese logistics words (same keys as logisticsEn). */
export const logisticsVi: Record<keyof typeof logisticsEn, string> = {
  "logistics.title": "Vận chuyển",
  "logistics.none": "Chưa đặt đơn vị vận chuyển.",
  "logistics.book": "Đặt vận chuyển",
  "logistics.booking": "Đang đặt…",
  "logistics.courier": "Đơn vị vận chuyển",
  "logistics.service": "Dịch vụ",
  "logistics.cod": "thanh toán khi nhận hàng",
  "logistics.codCollect": "Đơn vị vận chuyển sẽ thu {amount} khi giao hàng.",
  "logistics.label": "In nhãn",
  "logistics.cancel": "Hủy đặt chỗ",
  "logistics.cancelling": "Đang hủy…",
  "logistics.cancelConfirm": "Hủy đặt chỗ này? Đơn vị vận chuyển chưa lấy hàng.",
  "logistics.pickup.ask": "Yêu cầu lấy hàng",
  "logistics.pickup.asking": "Đang liên hệ đơn vị vận chuyển…",
  "logistics.pickup.window": "Shipper đến lấy hàng từ {from} đến {until}.",
  "logistics.pickup.waiting":
    "Đang chờ Flash nhận yêu cầu lấy hàng: yêu cầu lấy hàng Flash của một cửa hàng khác vẫn đang mở. Chúng tôi sẽ gửi yêu cầu của bạn ngay khi Flash nhận; bạn không cần làm gì.",
  "logistics.tracking": "Theo dõi đơn",
  "logistics.trackingNumber": "Mã vận đơn",
  "logistics.status.booked": "Đã đặt",
  "logistics.status.picked_up": "Đã lấy hàng",
  "logistics.status.in_transit": "Đang vận chuyển",
  "logistics.status.out_for_delivery": "Đang giao",
  "logistics.status.delivered": "Đã giao",
  "logistics.status.failed": "Giao không thành công",
  "logistics.status.returned": "Đã hoàn về cửa hàng",
  "logistics.status.cancelled": "Đã hủy đặt chỗ",
  "pay.kind.cash": "Thanh toán khi nhận hàng",
  "timeline.paymentCollected": "Đã thu tiền khi giao hàng",
};
