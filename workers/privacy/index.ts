import { createRouter } from "../platform/openapi";
import { deleteMeHandler, deleteMeRoute } from "./routes/delete-me";
import { exportMeHandler, exportMeRoute } from "./routes/export";
import {
  piiRotationStatusHandler,
  piiRotationStatusRoute,
  runPiiRotationHandler,
  runPiiRotationRoute,
} from "./routes/pii-rotation";

export { runAccountErasures } from "./erasure-job";
export { continuePiiRotation } from "./rotation";

/**
 * Privacy: a person's right to their data (docs/privacy.md). The export gathers and the deletion
 * erases what every domain holds about the caller, each through that domain's face; the key
 * rotation re-encrypts every domain's PII columns to the newest key.
 */
export const privacyRouter = createRouter()
  .openapi(deleteMeRoute, deleteMeHandler)
  .openapi(exportMeRoute, exportMeHandler)
  .openapi(runPiiRotationRoute, runPiiRotationHandler)
  .openapi(piiRotationStatusRoute, piiRotationStatusHandler);
