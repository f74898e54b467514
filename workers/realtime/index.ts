import { createRouter } from "../platform/openapi";
import { streamSocketHandler, streamSocketRoute } from "./routes/stream";
import { createTicketHandler, createTicketRoute } from "./routes/ticket-create";

export { closeUserStream, endSessionStreams, notifyUnread, pushToHub } from "./hub/client";
export { ACCOUNT_CLOSED } from "./hub/frames";
export { connectedAmong } from "./presence";
export { isUpgrade, redeemTicket, type SocketCaller, socketCaller } from "./tickets";

/** Realtime: socket tickets and each user's own stream (the UserHub object, workers/realtime/hub/). */
export const realtimeRouter = createRouter()
  .openapi(createTicketRoute, createTicketHandler)
  .openapi(streamSocketRoute, streamSocketHandler);
