import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of flash sales, keyed by the English template. */
export const flashSales: ProblemTranslations = {
  "A flash sale must start in the future and end after it starts.":
    "Flash sale phải bắt đầu trong tương lai và kết thúc sau thời điểm bắt đầu.",
  "Some items cannot go on sale. Fix them (see errors) and try again.":
    "Một số sản phẩm không thể đưa vào chương trình giảm giá. Hãy sửa lại (xem errors) rồi thử lại.",
  "Another flash sale of the same product overlaps this window. Choose another time or leave that product out.":
    "Một flash sale khác của cùng sản phẩm trùng với khoảng thời gian này. Hãy chọn thời gian khác hoặc bỏ sản phẩm đó ra.",
  "There is no flash sale with this id.": "Không có flash sale nào với id này.",
  "This flash sale has already started. Only an upcoming sale can be cancelled.":
    "Flash sale này đã bắt đầu. Chỉ có thể hủy flash sale chưa bắt đầu.",
};
