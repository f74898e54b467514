import { createRouter } from "../platform/openapi";
import { createCategoryHandler, createCategoryRoute } from "./routes/category-create";
import { deleteCategoryHandler, deleteCategoryRoute } from "./routes/category-delete";
import { updateCategoryHandler, updateCategoryRoute } from "./routes/category-update";
import { getInventoryHandler, getInventoryRoute } from "./routes/inventory-get";
import { putInventoryHandler, putInventoryRoute } from "./routes/inventory-put";
import { createProductHandler, createProductRoute } from "./routes/product-create";
import { deleteProductHandler, deleteProductRoute } from "./routes/product-delete";
import { getProductHandler, getProductRoute } from "./routes/product-get";
import { updateProductHandler, updateProductRoute } from "./routes/product-update";
import { listProductsHandler, listProductsRoute } from "./routes/products-list";
import { bulkUpdateProductsHandler, bulkUpdateProductsRoute } from "./routes/shop-products-bulk";
import { listShopProductsHandler, listShopProductsRoute } from "./routes/shop-products-list";

export { attachableMedia } from "./attachable-media";
export {
  type CategoryNames,
  categoryNames,
  type ProductSnapshot,
  productSnapshots,
  productSnapshotsAfter,
} from "./bulk-reads";
export { invalidateProduct } from "./cache";
export {
  type CartCatalogEntry,
  type CartLineRef,
  type CartLineUnavailable,
  cartCatalog,
  cartLineKey,
} from "./cart-pricing";
export { cachedCartCatalog } from "./cart-pricing-cache";
export { categoriesRouter, seedCategories } from "./categories";
export { PRODUCT_UPDATED, productEvent } from "./events";
export {
  addProductImage,
  forgetUploads,
  personalUploadsOf,
  recordedUploadIds,
  recordUpload,
  type StoredMedia,
} from "./media-records";
export { productCards } from "./product-cards";
export { productOwnerOf, productShopOf, productWithOwner, setRating } from "./product-facts";
export { isUniqueViolation } from "./product-input";
export { activeProductPrice, type ProductSummary, productSummary } from "./product-summaries";
export { isPublic, loadProduct, mediaUrl, ownedProduct } from "./products";
export {
  CATEGORY_NAMES_SQL,
  categoryAndBelow,
  categoryAndBelowCte,
  LISTED_PRODUCTS_SQL,
  PRODUCTS_SQL,
  type ProductRelationRow,
  productImagesSql,
} from "./read-models";
export { saleProductFacts } from "./sale-facts";
export {
  CATALOG_VERSION_SQL,
  type SearchSaleItems,
  searchSaleItems,
  shownSearchSales,
} from "./search-sales";
export { seedBrands, seedProducts } from "./seed";
export { soldCountWrites } from "./sold";

/** Products, inventory and category administration (GET /categories lives in categories.ts). */
export const catalogRouter = createRouter()
  .openapi(listProductsRoute, listProductsHandler)
  .openapi(createProductRoute, createProductHandler)
  .openapi(getProductRoute, getProductHandler)
  .openapi(updateProductRoute, updateProductHandler)
  .openapi(deleteProductRoute, deleteProductHandler)
  .openapi(getInventoryRoute, getInventoryHandler)
  .openapi(putInventoryRoute, putInventoryHandler)
  .openapi(createCategoryRoute, createCategoryHandler)
  .openapi(updateCategoryRoute, updateCategoryHandler)
  .openapi(deleteCategoryRoute, deleteCategoryHandler)
  .openapi(listShopProductsRoute, listShopProductsHandler)
  .openapi(bulkUpdateProductsRoute, bulkUpdateProductsHandler);
