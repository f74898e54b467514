import { createRouter } from "../platform/openapi";
import { deleteMeHandler, deleteMeRoute } from "./routes/delete-me";
import { exportMeHandler, exportMeRoute } from "./routes/export";

/**
 * Privacy: a person's right to their data. The export gathers and the deletion erases what every
 * domain holds about the caller, each through that domain's face.
 */
export const privacyRouter = createRouter()
  .openapi(deleteMeRoute, deleteMeHandler)
  .openapi(exportMeRoute, exportMeHandler);
