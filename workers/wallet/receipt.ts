import type { z } from "@hono/zod-openapi";
import type { Locale } from "../../schemas/platform";
import type { TransactionSchema } from "../../schemas/wallet";
import { bcp47 } from "../i18n/catalog";
import { dateTimeFormat } from "../platform/intl";
import { formatMoney } from "../platform/money";

type Transaction = z.infer<typeof TransactionSchema>;

type Word =
  | "receipt"
  | "transaction"
  | "type"
  | "amount"
  | "status"
  | "counterparty"
  | "note"
  | "reference"
  | "history"
  | "print";

/** Receipt wording per language; types and statuses below. */
const WORDS: Record<Locale, Record<Word, string>> = {
  en: {
    receipt: "Wallet receipt",
    transaction: "Transaction",
    type: "Type",
    amount: "Amount",
    status: "Status",
    counterparty: "With",
    note: "Note",
    reference: "Reference",
    history: "Status history",
    print: "Print",
  },
  th: {
    receipt: "ใบเสร็จวอลเล็ต",
    transaction: "รายการ",
    type: "ประเภท",
    amount: "จำนวนเงิน",
    status: "สถานะ",
    counterparty: "คู่รายการ",
    note: "บันทึก",
    reference: "อ้างอิง",
    history: "ประวัติสถานะ",
    print: "พิมพ์",
  },
  id: {
    receipt: "Bukti transaksi dompet",
    transaction: "Transaksi",
    type: "Jenis",
    amount: "Jumlah",
    status: "Status",
    counterparty: "Dengan",
    note: "Catatan",
    reference: "Referensi",
    history: "Riwayat status",
    print: "Cetak",
  },
  ms: {
    receipt: "Resit dompet",
    transaction: "Transaksi",
    type: "Jenis",
    amount: "Jumlah",
    status: "Status",
    counterparty: "Dengan",
    note: "Nota",
    reference: "Rujukan",
    history: "Sejarah status",
    print: "Cetak",
  },
  fil: {
    receipt: "Resibo ng wallet",
    transaction: "Transaksyon",
    type: "Uri",
    amount: "Halaga",
    status: "Status",
    counterparty: "Kasama",
    note: "Tala",
    reference: "Sanggunian",
    history: "Kasaysayan ng status",
    print: "I-print",
  },
  vi: {
    receipt: "Biên lai ví",
    transaction: "Giao dịch",
    type: "Loại",
    amount: "Số tiền",
    status: "Trạng thái",
    counterparty: "Với",
    note: "Ghi chú",
    reference: "Tham chiếu",
    history: "Lịch sử trạng thái",
    print: "In",
  },
};

const STATUS: Record<Locale, Record<Transaction["status"], string>> = {
  en: { pending: "Pending", completed: "Completed", failed: "Failed", reversed: "Reversed" },
  th: { pending: "รอดำเนินการ", completed: "สำเร็จ", failed: "ไม่สำเร็จ", reversed: "ถูกยกเลิกคืน" },
  id: { pending: "Diproses", completed: "Berhasil", failed: "Gagal", reversed: "Dibatalkan" },
  ms: { pending: "Dalam proses", completed: "Berjaya", failed: "Gagal", reversed: "Dibalikkan" },
  fil: { pending: "Nakabinbin", completed: "Kumpleto", failed: "Nabigo", reversed: "Ibinalik" },
  vi: { pending: "Đang xử lý", completed: "Hoàn tất", failed: "Thất bại", reversed: "Đã hoàn lại" },
};

const TYPE: Record<Locale, Partial<Record<Transaction["type"], string>>> = {
  en: {
    topup: "Top-up",
    transfer_in: "Money received",
    transfer_out: "Money sent",
    refund: "Refund",
    payment: "Payment",
    withdrawal: "Withdrawal",
  },
  th: {
    topup: "เติมเงิน",
    transfer_in: "รับเงิน",
    transfer_out: "โอนเงิน",
    refund: "คืนเงิน",
    payment: "ชำระเงิน",
    withdrawal: "ถอนเงิน",
  },
  id: {
    topup: "Isi saldo",
    transfer_in: "Uang diterima",
    transfer_out: "Uang dikirim",
    refund: "Pengembalian dana",
    payment: "Pembayaran",
    withdrawal: "Penarikan",
  },
  ms: {
    topup: "Tambah nilai",
    transfer_in: "Wang diterima",
    transfer_out: "Wang dihantar",
    refund: "Bayaran balik",
    payment: "Pembayaran",
    withdrawal: "Pengeluaran",
  },
  fil: {
    topup: "Top-up",
    transfer_in: "Natanggap na pera",
    transfer_out: "Ipinadalang pera",
    refund: "Refund",
    payment: "Bayad",
    withdrawal: "Withdrawal",
  },
  vi: {
    topup: "Nạp tiền",
    transfer_in: "Nhận tiền",
    transfer_out: "Chuyển tiền",
    refund: "Hoàn tiền",
    payment: "Thanh toán",
    withdrawal: "Rút tiền",
  },
};

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** One transaction as a self-contained, printable HTML receipt in the reader's language and formats. */
export function receiptHtml(
  t: Transaction & { statusHistory: { status: Transaction["status"]; at: string }[] },
  locale: Locale,
  timeZone: string,
): string {
  const w = WORDS[locale];
  const tag = bcp47(locale);
  const when = (iso: string) =>
    dateTimeFormat(tag, { dateStyle: "long", timeStyle: "medium", timeZone }).format(new Date(iso));
  const sign = t.direction === "debit" ? "−" : "+";
  const row = (label: string, value: string) => `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>`;
  const history = t.statusHistory
    .map(
      (h) =>
        `<li><strong>${esc(STATUS[locale][h.status])}</strong> · <time datetime="${esc(h.at)}">${esc(when(h.at))}</time></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="${tag}"><head><meta charset="utf-8"><title>${esc(w.receipt)} ${esc(t.id)}</title>
<style>body{font-family:system-ui,"Noto Sans Thai",sans-serif;max-width:640px;margin:2rem auto;color:#1b1f24}table{width:100%;border-collapse:collapse}th,td{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}th{width:35%;color:#556}.amount{font-size:2rem;font-weight:700}@media print{button{display:none}body{margin:0}}</style>
</head><body>
<h1>${esc(w.receipt)}</h1>
<p class="amount">${sign}${esc(formatMoney(t.amount, tag))}</p>
<table>
${row(w.transaction, t.id)}${row(w.type, TYPE[locale][t.type] ?? t.type)}${row(w.status, STATUS[locale][t.status])}${row(w.amount, formatMoney(t.amount, tag))}${t.counterparty ? row(w.counterparty, t.counterparty.displayName || t.counterparty.userId) : ""}${t.note ? row(w.note, t.note) : ""}${t.reference ? row(w.reference, t.reference) : ""}
</table>
<h2>${esc(w.history)}</h2>
<ol>${history}</ol>
<button onclick="print()">${esc(w.print)}</button>
</body></html>`;
}
