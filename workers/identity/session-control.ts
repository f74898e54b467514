import type { z } from "@hono/zod-openapi";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { sessions } from "../../d1/schema/identity";
import type { SessionSchema } from "../../schemas/identity";
import type { AppEnv } from "../app-env";
import { clientIpHash } from "../platform/client";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { auditWrite } from "./audit";
import { sessionUnexpired } from "./session-liveness";
import { revokeSessionWrites } from "./sessions";

type Session = z.infer<typeof SessionSchema>;
type Caller = { userId: string; sessionId: string };

/** The caller's live sessions (devices), most recently active first. */
export async function listSessions(db: Database, caller: Caller): Promise<Session[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, caller.userId), sessionUnexpired(nowMs())))
    .orderBy(desc(sessions.lastActiveAt));
  return rows.map((s) => ({
    id: s.id,
    device: { id: s.deviceId, platform: s.devicePlatform, ...(s.deviceName ? { name: s.deviceName } : {}) },
    createdAt: new Date(s.createdAt).toISOString(),
    lastActiveAt: new Date(s.lastActiveAt).toISOString(),
    current: s.id === caller.sessionId,
  }));
}

/** Signs this session out: its tokens stop working at once. */
export async function logout(c: Context<AppEnv>, caller: Caller): Promise<void> {
  const db = database(c.env);
  await db.batch([
    ...revokeSessionWrites(c, [caller.sessionId], "logout"),
    auditWrite(db, {
      type: "logout",
      userId: caller.userId,
      sessionId: caller.sessionId,
      ipHash: await clientIpHash(c),
    }),
  ]);
}

/** Ends another of the caller's sessions (signs a device out); 404 unless it is theirs and live. */
export async function endSession(c: Context<AppEnv>, caller: Caller, sessionId: string): Promise<void> {
  const db = database(c.env);
  const session = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, caller.userId), isNull(sessions.revokedAt)))
    .get();
  if (!session) {
    throw new ApiError("not_found", "You have no live session with this id. List them at GET /api/v1/auth/sessions.");
  }
  await db.batch([
    ...revokeSessionWrites(c, [sessionId], "revoked_by_user"),
    auditWrite(db, {
      type: "session_revoked",
      userId: caller.userId,
      sessionId,
      ipHash: await clientIpHash(c),
      data: { by: caller.sessionId },
    }),
  ]);
}

/** The device a session signed in from (a realtime stream keeps one socket per device). */
export async function sessionDeviceId(db: Database, sessionId: string): Promise<string | undefined> {
  const row = await db.select({ deviceId: sessions.deviceId }).from(sessions).where(eq(sessions.id, sessionId)).get();
  return row?.deviceId;
}
