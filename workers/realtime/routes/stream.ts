import type { RouteHandler } from "@hono/zod-openapi";
import { StreamQuerySchema } from "../../../schemas/realtime";
import type { AppEnv } from "../../app-env";
import { sessionDeviceId } from "../../identity";
import { database } from "../../platform/db";
import { ApiError, type ErrorCode } from "../../platform/errors";
import { bearerAuth, defineRoute } from "../../platform/openapi";
import { hubOf } from "../hub/client";
import { HUB_HEADERS } from "../hub/frames";
import { isUpgrade, socketCaller } from "../tickets";

export const streamSocketRoute = defineRoute({
  method: "get",
  path: "/api/v1/realtime/ws",
  tags: ["Realtime"],
  summary: "The caller's realtime stream (WebSocket): notifications and unread badges from every dialog",
  description: [
    "Authenticate with `Authorization: Bearer` or `?ticket=` (POST /api/v1/realtime/tickets). One socket per device: a new socket from the same device (the session's device id) closes the previous one (close code 4009).",
    'Server frames (JSON): `{"type":"notification", notification}` (a new in-app notification, shaped as in GET /notifications), `{"type":"unread", dialogId, count}` (a dialog\'s unread count changed: a new message arrived or it was read elsewhere), `{"type":"pong"}`, `{"type":"error", code, detail}`.',
    'Client frames: `{"type":"ping"}` every 30 s; a socket silent for NOTIFICATIONS_HUB_IDLE_SECONDS is closed (4000), one whose session ended is closed (4401), and one whose account was suspended or deleted is closed within seconds (4403). After a close, reconnect with jittered backoff and catch up with GET /notifications?unread=true.',
  ].join("\n\n"),
  security: bearerAuth,
  request: { query: StreamQuerySchema },
  responses: { 101: { description: "Switching to the WebSocket protocol" } },
  errors: [401, 426],
});

export const streamSocketHandler: RouteHandler<typeof streamSocketRoute, AppEnv> = async (c) => {
  if (!isUpgrade(c.req.raw)) {
    throw new ApiError("upgrade_required", "Open this path as a WebSocket (Upgrade: websocket).", {
      headers: { Upgrade: "websocket" },
    });
  }
  const { ticket } = c.req.valid("query");
  const caller = await socketCaller(c as never, ticket);
  const deviceId = await sessionDeviceId(database(c.env), caller.sessionId);
  const res = await hubOf(c.env, caller.userId).fetch(
    new Request("https://user-hub/ws", {
      headers: {
        Upgrade: "websocket",
        [HUB_HEADERS.user]: caller.userId,
        [HUB_HEADERS.session]: caller.sessionId,
        [HUB_HEADERS.device]: deviceId ?? caller.sessionId,
      },
    }),
  );
  if (res.status !== 101 || !res.webSocket) {
    const body = (await res.json().catch(() => ({}))) as { code?: ErrorCode; detail?: string };
    throw new ApiError(body.code ?? "internal_error", body.detail ?? "The stream could not be opened. Retry.");
  }
  // A fresh response (its headers are ours to add to; the object's are immutable).
  return new Response(null, { status: 101, webSocket: res.webSocket }) as never;
};
