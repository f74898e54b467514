import type { ProblemTranslations } from "../types";

/** Thai problem details of the catalog, cart, shops, shipping, search and reviews, keyed by the English template. */
export const commerce: ProblemTranslations = {
  "Your cart holds items priced in {0} and this product is priced in {1}. A cart holds one currency: check out or empty the cart first.":
    "ตะกร้าของคุณมีสินค้าที่ตั้งราคาเป็น {0} แต่สินค้านี้ตั้งราคาเป็น {1} ตะกร้าหนึ่งใช้ได้เพียงสกุลเงินเดียว กรุณาชำระเงินหรือล้างตะกร้าก่อน",
  "Your cart holds items priced in {0} and this product is priced in another currency. A cart holds one currency: check out or empty the cart first.":
    "ตะกร้าของคุณมีสินค้าที่ตั้งราคาเป็น {0} แต่สินค้านี้ตั้งราคาเป็นสกุลเงินอื่น ตะกร้าหนึ่งใช้ได้เพียงสกุลเงินเดียว กรุณาชำระเงินหรือล้างตะกร้าก่อน",
  "This product is out of stock.": "สินค้านี้หมดแล้ว",
  "Only {0} in stock: add at most {1} more.": "มีสินค้าในสต็อกเพียง {0} ชิ้น เพิ่มได้อีกไม่เกิน {1} ชิ้น",
  "Only {0} in stock and your cart already holds {1}: add at most {2} more.":
    "มีสินค้าในสต็อกเพียง {0} ชิ้น และในตะกร้าของคุณมีอยู่แล้ว {1} ชิ้น เพิ่มได้อีกไม่เกิน {2} ชิ้น",
  "Only {0} in stock and your cart already holds {1}: you can't add more.":
    "มีสินค้าในสต็อกเพียง {0} ชิ้น และในตะกร้าของคุณมีอยู่แล้ว {1} ชิ้น จึงเพิ่มอีกไม่ได้",
  "A cart line holds at most {0} units and yours already holds {1}.":
    "สินค้าแต่ละรายการในตะกร้ามีได้ไม่เกิน {0} ชิ้น และรายการนี้มีอยู่แล้ว {1} ชิ้น",
  "A cart line holds at most {0} units.": "สินค้าแต่ละรายการในตะกร้ามีได้ไม่เกิน {0} ชิ้น",
  "A cart holds at most {0} different items. Remove one or check out first.":
    "ตะกร้ามีสินค้าได้ไม่เกิน {0} รายการ กรุณานำออกหนึ่งรายการหรือชำระเงินก่อน",
  "Your cart has no item with this id. GET /api/v1/cart lists its items.":
    "ไม่พบสินค้าที่มีรหัสนี้ในตะกร้าของคุณ ดูรายการสินค้าได้ที่ GET /api/v1/cart",
  "There is no product with this id.": "ไม่พบสินค้าที่มีรหัสนี้",
  "This product has no variant {0}. GET the product to see its variants.":
    "สินค้านี้ไม่มีตัวเลือก {0} กรุณา GET สินค้าเพื่อดูตัวเลือกทั้งหมด",
  "This product comes in variants: send variantId (GET the product to see its variants).":
    "สินค้านี้มีหลายตัวเลือก กรุณาส่ง variantId (GET สินค้าเพื่อดูตัวเลือกทั้งหมด)",
  "X-Cart-Token is not a cart token this server issued. Send back the X-Cart-Token of an earlier response, or none to start a new cart.":
    "X-Cart-Token นี้ไม่ใช่โทเค็นตะกร้าที่เซิร์ฟเวอร์นี้ออกให้ กรุณาส่ง X-Cart-Token จากการตอบกลับก่อนหน้า หรือไม่ต้องส่งเพื่อเริ่มตะกร้าใหม่",
  "minPrice is above maxPrice: swap them.": "minPrice มากกว่า maxPrice กรุณาสลับค่าทั้งสอง",
  "There is no category with this id.": "ไม่พบหมวดหมู่ที่มีรหัสนี้",
  "There is no category with this parentId.": "ไม่พบหมวดหมู่ที่มี parentId นี้",
  "A category cannot move under itself or one of its sub-categories.":
    "ไม่สามารถย้ายหมวดหมู่ไปอยู่ใต้ตัวเองหรือหมวดหมู่ย่อยของตัวเองได้",
  "The slug {0} is already used by category {1}. Choose another.": "slug {0} ถูกใช้แล้วโดยหมวดหมู่ {1} กรุณาเลือก slug อื่น",
  "The slug {0} is already used.": "slug {0} ถูกใช้แล้ว",
  "This category has sub-categories. Move or delete them first.": "หมวดหมู่นี้มีหมวดหมู่ย่อย กรุณาย้ายหรือลบหมวดหมู่ย่อยก่อน",
  "Products are listed in this category (e.g. {0}). Move them first.":
    "มีสินค้าอยู่ในหมวดหมู่นี้ (เช่น {0}) กรุณาย้ายสินค้าเหล่านั้นก่อน",
  "This product has variants: say which one with variantId.": "สินค้านี้มีหลายตัวเลือก กรุณาระบุตัวเลือกด้วย variantId",
  "variantId is not one of this product's variants.": "variantId ไม่ใช่ตัวเลือกหนึ่งของสินค้านี้",
  "This product has no variants: leave variantId out.": "สินค้านี้ไม่มีตัวเลือก กรุณาไม่ต้องส่ง variantId",
  "This shop was rejected by our review, so it cannot list products.": "ร้านนี้ไม่ผ่านการตรวจสอบของเรา จึงลงขายสินค้าไม่ได้",
  "SKU {0} is already used in this shop. Choose another SKU.": "SKU {0} ถูกใช้แล้วในร้านนี้ กรุณาเลือก SKU อื่น",
  "One of these SKUs is already used in this shop.": "มี SKU หนึ่งในรายการนี้ถูกใช้แล้วในร้านนี้",
  "A variant id must be one of this product's variants, listed once.":
    "รหัสตัวเลือกต้องเป็นตัวเลือกหนึ่งของสินค้านี้ และระบุได้เพียงครั้งเดียว",
  "This shop sells in {0}, so prices must be in {1}, not {2}.": "ร้านนี้ขายเป็นสกุลเงิน {0} ราคาจึงต้องเป็น {1} ไม่ใช่ {2}",
  "{0} prices are whole units: send an amount that is a multiple of {1} minor units (e.g. {2}).":
    "ราคาสกุล {0} เป็นจำนวนเต็ม กรุณาส่งจำนวนที่เป็นผลคูณของ {1} หน่วยย่อย (เช่น {2})",
  "There is no category with this id. Pick one from GET /api/v1/categories.":
    "ไม่พบหมวดหมู่ที่มีรหัสนี้ กรุณาเลือกจาก GET /api/v1/categories",
  "Each SKU may appear once: give every variant its own SKU.":
    "SKU แต่ละรหัสใช้ได้ครั้งเดียว กรุณากำหนด SKU ของตัวเองให้ทุกตัวเลือก",
  "SKU {0} is already used in this shop by product {1} (deleted products keep their SKUs). Choose another SKU.":
    "SKU {0} ถูกใช้แล้วในร้านนี้โดยสินค้า {1} (สินค้าที่ถูกลบยังคงใช้ SKU เดิมไว้) กรุณาเลือก SKU อื่น",
  "Only the shop's owner can change its products.": "เฉพาะเจ้าของร้านเท่านั้นที่แก้ไขสินค้าของร้านได้",
  "This product was deleted.": "สินค้านี้ถูกลบแล้ว",
  "The stock could not be set to {0}: {1} units are held by unpaid orders.":
    "ไม่สามารถตั้งสต็อกเป็น {0} ได้ เนื่องจากมี {1} ชิ้นถูกกันไว้สำหรับคำสั่งซื้อที่ยังไม่ชำระเงิน",
  "The stock could not be set to {0}: {1}.": "ไม่สามารถตั้งสต็อกเป็น {0} ได้: {1}",
  "Shop owners cannot review their own products.": "เจ้าของร้านรีวิวสินค้าของตัวเองไม่ได้",
  "You have already reviewed this product; each buyer reviews a product once.":
    "คุณรีวิวสินค้านี้ไปแล้ว ผู้ซื้อแต่ละคนรีวิวสินค้าได้ครั้งเดียว",
  "Only buyers can review a product, once their order of it has been delivered. If yours is on its way, come back after it arrives.":
    "เฉพาะผู้ซื้อที่ได้รับสินค้าแล้วเท่านั้นที่รีวิวได้ หากสินค้าของคุณกำลังจัดส่ง กรุณากลับมารีวิวหลังได้รับสินค้า",
  "Only the owner of the product's shop can answer its reviews.": "เฉพาะเจ้าของร้านของสินค้านี้เท่านั้นที่ตอบรีวิวได้",
  "There is no review with this id.": "ไม่พบรีวิวที่มีรหัสนี้",
  "You cannot report your own review.": "คุณรายงานรีวิวของตัวเองไม่ได้",
  "You have already reported this review.": "คุณรายงานรีวิวนี้ไปแล้ว",
  "Type at least one letter or digit to get suggestions.": "กรุณาพิมพ์ตัวอักษรหรือตัวเลขอย่างน้อยหนึ่งตัวเพื่อดูคำแนะนำ",
  "This cursor came from a search with other words, filters or sort. Repeat that search, or omit cursor to start over.":
    "cursor นี้มาจากการค้นหาที่ใช้คำ ตัวกรอง หรือการเรียงลำดับต่างกัน กรุณาค้นหาแบบเดิมซ้ำ หรือไม่ต้องส่ง cursor เพื่อเริ่มใหม่",
  "minPrice is larger than maxPrice. Swap them or drop one.": "minPrice มากกว่า maxPrice กรุณาสลับค่าหรือลบค่าใดค่าหนึ่งออก",
  "The query has no letters or digits to search for. Type a word, or browse with categoryId or a price filter.":
    "คำค้นหาไม่มีตัวอักษรหรือตัวเลขให้ค้นหา กรุณาพิมพ์คำค้น หรือเลือกดูด้วย categoryId หรือตัวกรองราคา",
  "Send q with at least one word, or browse with categoryId, minPrice, maxPrice, currency or brand.":
    "กรุณาส่ง q ที่มีอย่างน้อยหนึ่งคำ หรือเลือกดูด้วย categoryId, minPrice, maxPrice, currency หรือ brand",
  "The term needs at least one letter or digit.": "คำหลักต้องมีตัวอักษรหรือตัวเลขอย่างน้อยหนึ่งตัว",
  "Give at least one synonym with letters or digits that differs from the term.":
    "กรุณาระบุคำพ้องความหมายอย่างน้อยหนึ่งคำที่มีตัวอักษรหรือตัวเลข และไม่ซ้ำกับคำหลัก",
  'There is already a {0} rule for "{1}". Delete it (DELETE /api/v1/admin/search/synonyms/{id}) and add the new one.':
    'มีกฎ {0} สำหรับ "{1}" อยู่แล้ว กรุณาลบกฎเดิม (DELETE /api/v1/admin/search/synonyms/{id}) แล้วเพิ่มกฎใหม่',
  "There is no synonym rule with this id.": "ไม่พบกฎคำพ้องความหมายที่มีรหัสนี้",
  "Your cart has nothing to ship. Add products, then ask for shipping rates.":
    "ตะกร้าของคุณไม่มีสินค้าที่ต้องจัดส่ง กรุณาเพิ่มสินค้าแล้วจึงขอดูค่าจัดส่ง",
  "There is no shop with this id.": "ไม่พบร้านค้าที่มีรหัสนี้",
  "Only the shop's owner can do this.": "เฉพาะเจ้าของร้านเท่านั้นที่ทำรายการนี้ได้",
  'A shop in {0} sells in {1}, not {2}. Send currency "{3}".':
    'ร้านค้าใน {0} ขายเป็นสกุลเงิน {1} ไม่ใช่ {2} กรุณาส่ง currency เป็น "{3}"',
  "You already own {0} shops, the most one account may have.": "คุณเป็นเจ้าของร้านค้า {0} ร้านแล้ว ซึ่งเป็นจำนวนสูงสุดที่บัญชีหนึ่งมีได้",
};
