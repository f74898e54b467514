import { createRouter } from "../platform/openapi";
import { createTicketHandler, createTicketRoute } from "./routes/ticket-create";

export { isUpgrade, redeemTicket, type SocketCaller, socketCaller } from "./tickets";

export const realtimeRouter = createRouter().openapi(createTicketRoute, createTicketHandler);
