import type { ProblemTranslations } from "../types";

/** Vietnamese reasons of the bulk CSV report's refused rows (seller center), keyed by the English template. */
export const sellerCsv: ProblemTranslations = {
  "No product or variant of this shop has this SKU.":
    "Không có sản phẩm hoặc biến thể nào của cửa hàng này có SKU này.",
  "This product has variants: set the stock of each variant on its own line, by its SKU.":
    "Sản phẩm này có biến thể: hãy đặt tồn kho của từng biến thể trên một dòng riêng, theo SKU của nó.",
  "Unpaid orders hold {0} units of this SKU: stock may not go below that.":
    "Các đơn hàng chưa thanh toán đang giữ {0} sản phẩm của SKU này: tồn kho không được thấp hơn mức đó.",
  "Unpaid orders reserved units of this SKU while the file was applied: upload it again.":
    "Các đơn hàng chưa thanh toán đã giữ sản phẩm của SKU này trong lúc tệp đang được áp dụng: hãy tải lên lại.",
  "The price must be a positive amount in {0} with at most {1} decimals, such as {2}.":
    "Giá phải là số dương bằng {0} với tối đa {1} chữ số thập phân, ví dụ {2}.",
  "Stock must be a whole number from 0 to {0}.": "Tồn kho phải là số nguyên từ 0 đến {0}.",
  "The sku cell is empty: name the product's SKU.": "Ô sku đang trống: hãy ghi SKU của sản phẩm.",
  "Both price and stock are empty: fill in at least one.": "Cả giá và tồn kho đều trống: hãy điền ít nhất một ô.",
  "This SKU is already listed on an earlier line: list it once.":
    "SKU này đã có ở một dòng trước đó: chỉ liệt kê một lần.",
  "{0} prices are whole units: round the price to whole {1}.":
    "Giá bằng {0} là đơn vị nguyên: hãy làm tròn giá thành số {1} nguyên.",
};
