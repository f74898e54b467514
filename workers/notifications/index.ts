import { createRouter } from "../platform/openapi";
import { benchNotificationsHandler, benchNotificationsRoute } from "./routes/bench";
import { deliveredNotificationHandler, deliveredNotificationRoute } from "./routes/delivered";
import { deleteDeviceHandler, deleteDeviceRoute } from "./routes/device-delete";
import { registerDeviceHandler, registerDeviceRoute } from "./routes/device-register";
import { listDevicesHandler, listDevicesRoute } from "./routes/devices-list";
import { getNotificationHandler, getNotificationRoute } from "./routes/get";
import { listNotificationsHandler, listNotificationsRoute } from "./routes/list";
import { getPreferencesHandler, getPreferencesRoute } from "./routes/preferences-get";
import { putPreferencesHandler, putPreferencesRoute } from "./routes/preferences-put";
import { promotionHandler, promotionRoute } from "./routes/promotions";
import { readNotificationHandler, readNotificationRoute } from "./routes/read";
import { readAllNotificationsHandler, readAllNotificationsRoute } from "./routes/read-all";
import { unreadCountHandler, unreadCountRoute } from "./routes/unread-count";
import { resendWebhookHandler, resendWebhookRoute } from "./routes/webhook-resend";
import { twilioStatusHandler, twilioStatusRoute } from "./routes/webhook-twilio";

// For the ChatRoom until it calls realtime's face itself (the chat branch does).
export { composeNotifications } from "./commit";
export { deliverNotification } from "./deliver";
export { NOTIFICATION_DELIVER } from "./events";
export { NOTIFICATION_ENCRYPTED_COLUMNS, notificationDataOf, notificationErasureWrites } from "./privacy";
export { purgeOldNotifications } from "./retention";

/**
 * Notifications: the inbox, preferences, push devices, delivery receipts (provider callbacks and
 * device confirmations), the realtime stream, promotions. Fixed paths before `{id}`.
 */
export const notificationsRouter = createRouter()
  .openapi(twilioStatusRoute, twilioStatusHandler)
  .openapi(resendWebhookRoute, resendWebhookHandler)
  .openapi(listNotificationsRoute, listNotificationsHandler)
  .openapi(unreadCountRoute, unreadCountHandler)
  .openapi(readAllNotificationsRoute, readAllNotificationsHandler)
  .openapi(getPreferencesRoute, getPreferencesHandler)
  .openapi(putPreferencesRoute, putPreferencesHandler)
  .openapi(listDevicesRoute, listDevicesHandler)
  .openapi(registerDeviceRoute, registerDeviceHandler)
  .openapi(deleteDeviceRoute, deleteDeviceHandler)
  .openapi(getNotificationRoute, getNotificationHandler)
  .openapi(readNotificationRoute, readNotificationHandler)
  .openapi(deliveredNotificationRoute, deliveredNotificationHandler)
  .openapi(promotionRoute, promotionHandler)
  .openapi(benchNotificationsRoute, benchNotificationsHandler);
