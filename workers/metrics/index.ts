import { createRouter } from "../platform/openapi";
import {
  getAlertsHandler,
  getAlertsRoute,
  listIncidentsHandler,
  listIncidentsRoute,
  listNoticesHandler,
  listNoticesRoute,
  putAlertsHandler,
  putAlertsRoute,
} from "./routes/alerts";
import { metricsHandler, metricsRoute } from "./routes/metrics";

export { evaluateAlerts } from "./alerts/evaluate";
export { metricsConsumer } from "./consumer";
export { recordQueueGauges } from "./queues";
export { readMetrics } from "./read";

/**
 * Metrics and alerts for operators: the series of GET /admin/metrics (Analytics Engine in
 * production, the local sink elsewhere), alert rules and their incidents, evaluated by the cron.
 */
export const metricsRouter = createRouter()
  .openapi(metricsRoute, metricsHandler)
  .openapi(listIncidentsRoute, listIncidentsHandler)
  .openapi(listNoticesRoute, listNoticesHandler)
  .openapi(getAlertsRoute, getAlertsHandler)
  .openapi(putAlertsRoute, putAlertsHandler);
