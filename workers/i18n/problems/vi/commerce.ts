import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of the catalog, cart, shops, shipping, search and reviews, keyed by the English template. */
export const commerce: ProblemTranslations = {
  "Your cart holds items priced in {0} and this product is priced in {1}. A cart holds one currency: check out or empty the cart first.":
    "Giỏ hàng của bạn có sản phẩm được định giá bằng {0}, còn sản phẩm này được định giá bằng {1}. Mỗi giỏ hàng chỉ dùng một loại tiền tệ: vui lòng thanh toán hoặc làm trống giỏ hàng trước.",
  "Your cart holds items priced in {0} and this product is priced in another currency. A cart holds one currency: check out or empty the cart first.":
    "Giỏ hàng của bạn có sản phẩm được định giá bằng {0}, còn sản phẩm này được định giá bằng loại tiền tệ khác. Mỗi giỏ hàng chỉ dùng một loại tiền tệ: vui lòng thanh toán hoặc làm trống giỏ hàng trước.",
  "This product is out of stock.": "Sản phẩm này đã hết hàng.",
  "Only {0} in stock: add at most {1} more.": "Chỉ còn {0} sản phẩm trong kho: bạn có thể thêm tối đa {1} nữa.",
  "Only {0} in stock and your cart already holds {1}: add at most {2} more.":
    "Chỉ còn {0} sản phẩm trong kho và giỏ hàng của bạn đã có {1}: bạn có thể thêm tối đa {2} nữa.",
  "Only {0} in stock and your cart already holds {1}: you can't add more.":
    "Chỉ còn {0} sản phẩm trong kho và giỏ hàng của bạn đã có {1}: bạn không thể thêm nữa.",
  "A cart line holds at most {0} units and yours already holds {1}.":
    "Mỗi dòng trong giỏ hàng có tối đa {0} sản phẩm và dòng của bạn đã có {1}.",
  "A cart line holds at most {0} units.": "Mỗi dòng trong giỏ hàng có tối đa {0} sản phẩm.",
  "A cart holds at most {0} different items. Remove one or check out first.":
    "Giỏ hàng chứa tối đa {0} mặt hàng khác nhau. Vui lòng bỏ bớt một mặt hàng hoặc thanh toán trước.",
  "Your cart has no item with this id. GET /api/v1/cart lists its items.":
    "Giỏ hàng của bạn không có mặt hàng nào với id này. GET /api/v1/cart liệt kê các mặt hàng trong giỏ.",
  "There is no product with this id.": "Không có sản phẩm nào với id này.",
  "This product has no variant {0}. GET the product to see its variants.":
    "Sản phẩm này không có phân loại {0}. Hãy GET sản phẩm để xem các phân loại.",
  "This product comes in variants: send variantId (GET the product to see its variants).":
    "Sản phẩm này có nhiều phân loại: vui lòng gửi variantId (GET sản phẩm để xem các phân loại).",
  "X-Cart-Token is not a cart token this server issued. Send back the X-Cart-Token of an earlier response, or none to start a new cart.":
    "X-Cart-Token này không phải token giỏ hàng do máy chủ này cấp. Vui lòng gửi lại X-Cart-Token của một phản hồi trước đó, hoặc không gửi để bắt đầu giỏ hàng mới.",
  "minPrice is above maxPrice: swap them.": "minPrice lớn hơn maxPrice: hãy đổi chỗ hai giá trị.",
  "There is no category with this id.": "Không có danh mục nào với id này.",
  "There is no category with this parentId.": "Không có danh mục nào với parentId này.",
  "A category cannot move under itself or one of its sub-categories.":
    "Không thể chuyển một danh mục vào dưới chính nó hoặc một danh mục con của nó.",
  "The slug {0} is already used by category {1}. Choose another.":
    "Slug {0} đã được danh mục {1} sử dụng. Vui lòng chọn slug khác.",
  "The slug {0} is already used.": "Slug {0} đã được sử dụng.",
  "This category has sub-categories. Move or delete them first.":
    "Danh mục này có danh mục con. Vui lòng chuyển hoặc xóa chúng trước.",
  "Products are listed in this category (e.g. {0}). Move them first.":
    "Có sản phẩm đang thuộc danh mục này (ví dụ {0}). Vui lòng chuyển chúng đi trước.",
  "This product has variants: say which one with variantId.":
    "Sản phẩm này có nhiều phân loại: hãy cho biết phân loại nào bằng variantId.",
  "variantId is not one of this product's variants.": "variantId không phải là một phân loại của sản phẩm này.",
  "This product has no variants: leave variantId out.": "Sản phẩm này không có phân loại: vui lòng bỏ variantId.",
  "This shop was rejected by our review, so it cannot list products.":
    "Cửa hàng này đã bị từ chối trong quá trình xét duyệt của chúng tôi, nên không thể đăng bán sản phẩm.",
  "SKU {0} is already used in this shop. Choose another SKU.":
    "SKU {0} đã được dùng trong cửa hàng này. Vui lòng chọn SKU khác.",
  "One of these SKUs is already used in this shop.": "Một trong các SKU này đã được dùng trong cửa hàng này.",
  "A variant id must be one of this product's variants, listed once.":
    "Id phân loại phải là một phân loại của sản phẩm này và chỉ được liệt kê một lần.",
  "This shop sells in {0}, so prices must be in {1}, not {2}.":
    "Cửa hàng này bán bằng {0}, nên giá phải bằng {1}, không phải {2}.",
  "{0} prices are whole units: send an amount that is a multiple of {1} minor units (e.g. {2}).":
    "Giá bằng {0} là số nguyên đơn vị: vui lòng gửi số tiền là bội số của {1} đơn vị nhỏ (ví dụ {2}).",
  "There is no category with this id. Pick one from GET /api/v1/categories.":
    "Không có danh mục nào với id này. Vui lòng chọn một danh mục từ GET /api/v1/categories.",
  "Each SKU may appear once: give every variant its own SKU.":
    "Mỗi SKU chỉ được xuất hiện một lần: hãy đặt cho mỗi phân loại một SKU riêng.",
  "SKU {0} is already used in this shop by product {1} (deleted products keep their SKUs). Choose another SKU.":
    "SKU {0} đã được sản phẩm {1} dùng trong cửa hàng này (sản phẩm đã xóa vẫn giữ SKU của chúng). Vui lòng chọn SKU khác.",
  "Only the shop's owner can change its products.": "Chỉ chủ cửa hàng mới có thể thay đổi sản phẩm của cửa hàng.",
  "This product was deleted.": "Sản phẩm này đã bị xóa.",
  "The stock could not be set to {0}: {1} units are held by unpaid orders.":
    "Không thể đặt tồn kho thành {0}: {1} sản phẩm đang được giữ cho các đơn hàng chưa thanh toán.",
  "The stock could not be set to {0}: {1}.": "Không thể đặt tồn kho thành {0}: {1}.",
  "Shop owners cannot review their own products.": "Chủ cửa hàng không thể đánh giá sản phẩm của chính mình.",
  "You have already reviewed this product; each buyer reviews a product once.":
    "Bạn đã đánh giá sản phẩm này; mỗi người mua chỉ đánh giá một sản phẩm một lần.",
  "Only buyers can review a product, once their order of it has been delivered. If yours is on its way, come back after it arrives.":
    "Chỉ người mua mới có thể đánh giá sản phẩm, sau khi đơn hàng của họ đã được giao. Nếu đơn của bạn đang trên đường giao, hãy quay lại sau khi nhận hàng.",
  "Only the owner of the product's shop can answer its reviews.":
    "Chỉ chủ cửa hàng của sản phẩm mới có thể trả lời đánh giá.",
  "There is no review with this id.": "Không có đánh giá nào với id này.",
  "You cannot report your own review.": "Bạn không thể báo cáo đánh giá của chính mình.",
  "You have already reported this review.": "Bạn đã báo cáo đánh giá này rồi.",
  "Type at least one letter or digit to get suggestions.": "Hãy nhập ít nhất một chữ cái hoặc chữ số để nhận gợi ý.",
  "This cursor came from a search with other words, filters or sort. Repeat that search, or omit cursor to start over.":
    "Cursor này đến từ một lần tìm kiếm với từ khóa, bộ lọc hoặc cách sắp xếp khác. Vui lòng lặp lại lần tìm kiếm đó, hoặc bỏ cursor để bắt đầu lại.",
  "minPrice is larger than maxPrice. Swap them or drop one.":
    "minPrice lớn hơn maxPrice. Hãy đổi chỗ hai giá trị hoặc bỏ một giá trị.",
  "The query has no letters or digits to search for. Type a word, or browse with categoryId or a price filter.":
    "Truy vấn không có chữ cái hoặc chữ số nào để tìm. Hãy nhập một từ, hoặc duyệt theo categoryId hay bộ lọc giá.",
  "Send q with at least one word, or browse with categoryId, minPrice, maxPrice, currency or brand.":
    "Vui lòng gửi q có ít nhất một từ, hoặc duyệt theo categoryId, minPrice, maxPrice, currency hay brand.",
  "The term needs at least one letter or digit.": "Thuật ngữ cần có ít nhất một chữ cái hoặc chữ số.",
  "Give at least one synonym with letters or digits that differs from the term.":
    "Vui lòng đưa ra ít nhất một từ đồng nghĩa có chữ cái hoặc chữ số và khác với thuật ngữ.",
  'There is already a {0} rule for "{1}". Delete it (DELETE /api/v1/admin/search/synonyms/{id}) and add the new one.':
    'Đã có quy tắc {0} cho "{1}". Vui lòng xóa quy tắc đó (DELETE /api/v1/admin/search/synonyms/{id}) rồi thêm quy tắc mới.',
  "There is no synonym rule with this id.": "Không có quy tắc từ đồng nghĩa nào với id này.",
  "Your cart has nothing to ship. Add products, then ask for shipping rates.":
    "Giỏ hàng của bạn không có gì để giao. Hãy thêm sản phẩm, rồi xem phí vận chuyển.",
  "There is no shop with this id.": "Không có cửa hàng nào với id này.",
  "Only the shop's owner can do this.": "Chỉ chủ cửa hàng mới có thể thực hiện thao tác này.",
  'A shop in {0} sells in {1}, not {2}. Send currency "{3}".':
    'Cửa hàng ở {0} bán bằng {1}, không phải {2}. Vui lòng gửi currency "{3}".',
  "You already own {0} shops, the most one account may have.":
    "Bạn đã sở hữu {0} cửa hàng, mức tối đa cho một tài khoản.",
};
