import type { RouteHandler } from "@hono/zod-openapi";
import { DialogIdParamSchema, SocketQuerySchema } from "../../../schemas/chat";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute } from "../../platform/openapi";
import { isUpgrade, socketCaller } from "../../realtime";
import { NO_DIALOG } from "../dialogs";
import { isDialogId, openRoomSocket, originOf } from "../rooms";

export const dialogSocketRoute = defineRoute({
  method: "get",
  path: "/api/v1/dialogs/{id}/ws",
  tags: ["Chat"],
  summary: "The dialog's WebSocket",
  description: [
    "Authenticate with `Authorization: Bearer` or `?ticket=` (POST /api/v1/realtime/tickets). Members only (403 before the upgrade).",
    "With `since=<seq>`, every message after it is replayed first, in order, then live frames follow. Frames are JSON.",
    'Client: `{"type":"send", clientId, kind, text?, mediaId?, location?, sticker?, card?, replyTo?}`, `{"type":"read", seq}`, `{"type":"delivered", seq}`, `{"type":"typing", typing}`, `{"type":"ping"}`.',
    'Server: `{"type":"message", message}`, `{"type":"ack", clientId, message}`, `{"type":"receipt", userId, seq, status}`, `{"type":"typing", userId, typing}`, `{"type":"presence", userId, online}`, `{"type":"updated", message}`, `{"type":"pong"}`, `{"type":"error", code, detail, clientId?, retryAfter?}`.',
    "Send a ping every 30 s (answered without waking the room); a socket silent for CHAT_SOCKET_IDLE_SECONDS is closed (4000), one whose session ended is closed (4401), and one whose account was suspended or deleted is closed within seconds (4403). After a close (deploys close every socket), reconnect with jittered exponential backoff and `since` = the last seq you have.",
  ].join("\n\n"),
  security: bearerAuth,
  request: { params: DialogIdParamSchema, query: SocketQuerySchema },
  responses: { 101: { description: "Switching to the WebSocket protocol" } },
  errors: [401, 403, 404, 426],
});

export const dialogSocketHandler: RouteHandler<typeof dialogSocketRoute, AppEnv> = async (c) => {
  if (!isUpgrade(c.req.raw)) {
    throw new ApiError("upgrade_required", "Open this path as a WebSocket (Upgrade: websocket).", {
      headers: { Upgrade: "websocket" },
    });
  }
  const { id } = c.req.valid("param");
  const { since, ticket } = c.req.valid("query");
  if (!isDialogId(id)) throw new ApiError("not_found", NO_DIALOG);
  const caller = await socketCaller(c as never, ticket);
  const socket = { userId: caller.userId, sessionId: caller.sessionId, origin: originOf(c.req.url), since };
  return (await openRoomSocket(c.env, id, socket)) as never;
};
