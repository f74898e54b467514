import { createRouter } from "../platform/openapi";
import { createMediaHandler, createMediaRoute } from "./routes/media-create";
import { getMediaHandler, getMediaRoute } from "./routes/media-get";
import { createProductMediaHandler, createProductMediaRoute } from "./routes/product-media-create";

export { type OrphanSweep, sweepOrphanUploads } from "./orphans";
export { ownPictures } from "./owned";
export { eraseUploadsOf } from "./personal-data";
export { privateUploadResponse } from "./serve";
export { UPLOAD_MAX_LIFE_MS } from "./store";

export const mediaRouter = createRouter()
  .openapi(createProductMediaRoute, createProductMediaHandler)
  .openapi(createMediaRoute, createMediaHandler)
  .openapi(getMediaRoute, getMediaHandler);
