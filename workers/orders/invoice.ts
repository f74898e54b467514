import type { Locale } from "../../schemas/platform";
import { bcp47 } from "../i18n/catalog";
import { dateTimeFormat } from "../platform/intl";
import { formatMoney } from "../platform/money";
import type { Order } from "./present";

type Labels = Record<
  | "invoice"
  | "order"
  | "date"
  | "status"
  | "item"
  | "quantity"
  | "unitPrice"
  | "lineTotal"
  | "subtotal"
  | "discount"
  | "shipping"
  | "tax"
  | "total"
  | "shipTo"
  | "via",
  string
>;

/** Invoice wording per language. */
const LABELS: Record<Locale, Labels> = {
  en: {
    invoice: "Invoice",
    order: "Order",
    date: "Date",
    status: "Status",
    item: "Item",
    quantity: "Qty",
    unitPrice: "Unit price",
    lineTotal: "Amount",
    subtotal: "Subtotal",
    discount: "Discount",
    shipping: "Shipping",
    tax: "Tax",
    total: "Total",
    shipTo: "Ship to",
    via: "Courier",
  },
  th: {
    invoice: "ใบแจ้งหนี้",
    order: "คำสั่งซื้อ",
    date: "วันที่",
    status: "สถานะ",
    item: "สินค้า",
    quantity: "จำนวน",
    unitPrice: "ราคาต่อหน่วย",
    lineTotal: "จำนวนเงิน",
    subtotal: "ยอดรวมสินค้า",
    discount: "ส่วนลด",
    shipping: "ค่าจัดส่ง",
    tax: "ภาษีมูลค่าเพิ่ม",
    total: "ยอดชำระทั้งหมด",
    shipTo: "ที่อยู่จัดส่ง",
    via: "ขนส่งโดย",
  },
  id: {
    invoice: "Faktur",
    order: "Pesanan",
    date: "Tanggal",
    status: "Status",
    item: "Produk",
    quantity: "Jml",
    unitPrice: "Harga satuan",
    lineTotal: "Jumlah",
    subtotal: "Subtotal",
    discount: "Diskon",
    shipping: "Ongkos kirim",
    tax: "PPN",
    total: "Total",
    shipTo: "Dikirim ke",
    via: "Kurir",
  },
  ms: {
    invoice: "Invois",
    order: "Pesanan",
    date: "Tarikh",
    status: "Status",
    item: "Item",
    quantity: "Kuantiti",
    unitPrice: "Harga seunit",
    lineTotal: "Amaun",
    subtotal: "Jumlah kecil",
    discount: "Diskaun",
    shipping: "Penghantaran",
    tax: "Cukai",
    total: "Jumlah",
    shipTo: "Hantar ke",
    via: "Kurier",
  },
  fil: {
    invoice: "Invoice",
    order: "Order",
    date: "Petsa",
    status: "Katayuan",
    item: "Item",
    quantity: "Dami",
    unitPrice: "Presyo bawat isa",
    lineTotal: "Halaga",
    subtotal: "Subtotal",
    discount: "Diskwento",
    shipping: "Pagpapadala",
    tax: "Buwis (VAT)",
    total: "Kabuuan",
    shipTo: "Ipadala sa",
    via: "Courier",
  },
  vi: {
    invoice: "Hóa đơn",
    order: "Đơn hàng",
    date: "Ngày",
    status: "Trạng thái",
    item: "Sản phẩm",
    quantity: "SL",
    unitPrice: "Đơn giá",
    lineTotal: "Thành tiền",
    subtotal: "Tạm tính",
    discount: "Giảm giá",
    shipping: "Phí vận chuyển",
    tax: "Thuế GTGT",
    total: "Tổng cộng",
    shipTo: "Giao đến",
    via: "Đơn vị vận chuyển",
  },
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** The order as a self-contained, printable HTML invoice in the reader's language and number formats. */
export function invoiceHtml(order: Order, shopName: string, locale: Locale, timeZone: string): string {
  const t = LABELS[locale];
  const tag = bcp47(locale);
  const fmt = (m: Order["total"]) => escapeHtml(formatMoney(m, tag));
  const date = dateTimeFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone }).format(
    new Date(order.createdAt),
  );
  const a = order.shippingAddress;
  const rows = order.items
    .map(
      (i) =>
        `<tr><td>${escapeHtml(i.name)}<br><small>${escapeHtml(i.sku)}</small></td><td class="n">${i.quantity.toLocaleString(tag)}</td><td class="n">${fmt(i.unitPrice)}</td><td class="n">${fmt(i.lineTotal)}</td></tr>`,
    )
    .join("");
  const sum = (label: string, value: Order["total"], strong = false) =>
    `<tr${strong ? ' class="total"' : ""}><td colspan="3">${escapeHtml(label)}</td><td class="n">${fmt(value)}</td></tr>`;
  return `<!doctype html>
<html lang="${tag}"><head><meta charset="utf-8"><title>${escapeHtml(t.invoice)} ${escapeHtml(order.number)}</title>
<style>body{font-family:system-ui,"Noto Sans Thai",sans-serif;max-width:760px;margin:2rem auto;color:#1b1f24}table{width:100%;border-collapse:collapse}td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}.n{text-align:right;white-space:nowrap}.total td{font-weight:700;border-top:2px solid #1b1f24}small{color:#667}</style>
</head><body>
<h1>${escapeHtml(t.invoice)} · ${escapeHtml(shopName)}</h1>
<p>${escapeHtml(t.order)}: <strong>${escapeHtml(order.number)}</strong><br>${escapeHtml(t.date)}: ${escapeHtml(date)}<br>${escapeHtml(t.status)}: ${escapeHtml(order.status)}</p>
<p>${a ? `${escapeHtml(t.shipTo)}: ${escapeHtml(a.recipientName)}, ${escapeHtml(a.street)}, ${escapeHtml(a.city)}, ${escapeHtml(a.province)} ${escapeHtml(a.postalCode)}, ${escapeHtml(a.country)}<br>` : ""}${escapeHtml(t.via)}: ${escapeHtml(order.shipping.courier)} ${escapeHtml(order.shipping.service)}${order.shipping.trackingNumber ? ` · ${escapeHtml(order.shipping.trackingNumber)}` : ""}</p>
<table><thead><tr><th>${escapeHtml(t.item)}</th><th class="n">${escapeHtml(t.quantity)}</th><th class="n">${escapeHtml(t.unitPrice)}</th><th class="n">${escapeHtml(t.lineTotal)}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot>${sum(t.subtotal, order.subtotal)}${order.discount.amount ? sum(t.discount, { ...order.discount, amount: -order.discount.amount }) : ""}${sum(t.shipping, order.shippingCost)}${sum(t.tax, order.tax)}${sum(t.total, order.total, true)}</tfoot></table>
</body></html>`;
}
