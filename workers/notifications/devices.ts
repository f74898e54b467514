import { and, desc, eq, notInArray } from "drizzle-orm";
import { notificationDevices } from "../../d1/schema/notifications";
import { readConfig } from "../platform/config";
import { type Database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { encryptPii, piiLookupHash } from "../platform/pii";
import { enforceLimit } from "../platform/rate-limit";

type DeviceRow = typeof notificationDevices.$inferSelect;

export function presentDevice(row: DeviceRow, sessionId: string) {
  return {
    id: row.id,
    platform: row.platform,
    current: row.sessionId === sessionId,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/**
 * Registers this app install's push token for the caller's session. A token names one install:
 * registering it again (even from another account, after a sign-in on a shared phone) moves it to
 * the new owner and session. Past NOTIFICATIONS_MAX_DEVICES_PER_USER the oldest devices are
 * forgotten. Returns the device and whether it was new.
 */
export async function registerDevice(
  env: Env,
  db: Database,
  caller: { userId: string; sessionId: string },
  input: { token: string; platform: "ios" | "android" | "web" },
): Promise<{ device: DeviceRow; created: boolean }> {
  const config = readConfig(env).notifications;
  await enforceLimit(
    db,
    `push-device:${caller.userId}`,
    config.deviceRegistrationsPerHour,
    3600,
    "deviceRegistrations",
  );
  const tokenHash = await piiLookupHash(env, input.token);
  const now = nowMs();
  const existing = await db
    .select()
    .from(notificationDevices)
    .where(eq(notificationDevices.tokenHash, tokenHash))
    .get();
  const [device] = await db
    .insert(notificationDevices)
    .values({
      id: newId("dev"),
      userId: caller.userId,
      sessionId: caller.sessionId,
      tokenHash,
      tokenEnc: await encryptPii(env, input.token),
      platform: input.platform,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: notificationDevices.tokenHash,
      set: { userId: caller.userId, sessionId: caller.sessionId, platform: input.platform, updatedAt: now },
    })
    .returning();
  // Keep the newest devices (this one included).
  const keep = await db
    .select({ id: notificationDevices.id })
    .from(notificationDevices)
    .where(eq(notificationDevices.userId, caller.userId))
    .orderBy(desc(notificationDevices.updatedAt), desc(notificationDevices.id))
    .limit(config.maxDevicesPerUser);
  await db.delete(notificationDevices).where(
    and(
      eq(notificationDevices.userId, caller.userId),
      notInArray(
        notificationDevices.id,
        keep.map((k) => k.id),
      ),
    ),
  );
  return { device, created: !existing || existing.userId !== caller.userId };
}

export async function listDevices(db: Database, userId: string): Promise<DeviceRow[]> {
  return db
    .select()
    .from(notificationDevices)
    .where(eq(notificationDevices.userId, userId))
    .orderBy(desc(notificationDevices.updatedAt), desc(notificationDevices.id));
}

/** Forgets one of the caller's devices (sign-out on that phone, push turned off in the OS). */
export async function unregisterDevice(db: Database, userId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(notificationDevices)
    .where(and(eq(notificationDevices.id, id), eq(notificationDevices.userId, userId)))
    .returning({ id: notificationDevices.id });
  if (deleted.length === 0) throw new ApiError("not_found", "You have no push device with this id.");
}
