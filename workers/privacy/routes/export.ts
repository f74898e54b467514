import type { RouteHandler } from "@hono/zod-openapi";
import { and, asc, eq, gte } from "drizzle-orm";
import { addresses, auditEvents, sessions } from "../../../d1/schema/identity";
import { outboundMessages } from "../../../d1/schema/messaging";
import { PersonalDataExportSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { auditWrite, currentUser, presentAddress, presentUser, userContact } from "../../identity";
import { requireAuth } from "../../middleware/auth";
import { notificationDataOf } from "../../notifications";
import { clientIpHash } from "../../platform/client";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decryptPii, piiLookupHash } from "../../platform/pii";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const exportMeRoute = defineRoute({
  method: "get",
  path: "/api/v1/users/me/export",
  tags: ["Users"],
  summary: "Every piece of personal data the platform holds about the caller",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("The caller's personal data as JSON", PersonalDataExportSchema) },
  errors: [401],
});

export const exportMeHandler: RouteHandler<typeof exportMeRoute, AppEnv> = async (c) => {
  const user = await currentUser(c);
  const db = database(c.env);
  const contact = await userContact(c.env, user);
  const recipientHashes = await Promise.all(
    [contact.phone, contact.email].filter((v): v is string => Boolean(v)).map((v) => piiLookupHash(c.env, v)),
  );
  const [addressRows, sessionRows, auditRows, messageRows] = await Promise.all([
    db.select().from(addresses).where(eq(addresses.userId, user.id)).orderBy(asc(addresses.id)),
    db.select().from(sessions).where(eq(sessions.userId, user.id)).orderBy(asc(sessions.createdAt)),
    db.select().from(auditEvents).where(eq(auditEvents.userId, user.id)).orderBy(asc(auditEvents.id)),
    Promise.all(
      // Only since this account exists: a phone or email can belong to a deleted account before it
      // (recycled numbers), and what was sent to that account is not this person's data.
      recipientHashes.map((h) =>
        db
          .select()
          .from(outboundMessages)
          .where(and(eq(outboundMessages.recipientHash, h), gte(outboundMessages.createdAt, user.createdAt))),
      ),
    ),
  ]);
  const messages = await Promise.all(
    messageRows.flat().map(async (m) => ({
      id: m.id,
      channel: m.channel,
      category: m.category,
      status: m.status,
      createdAt: iso(m.createdAt),
      ...(JSON.parse(await decryptPii(c.env, m.contentEnc)) as Record<string, unknown>),
    })),
  );
  await auditWrite(db, { type: "data_exported", userId: user.id, ipHash: await clientIpHash(c) }).run();
  c.header("Content-Disposition", `attachment; filename="tchat-${user.id}.json"`);
  c.header("Cache-Control", "no-store");
  return c.json(
    {
      exportedAt: new Date().toISOString(),
      user: {
        ...(await presentUser(c.env, user)),
        updatedAt: iso(user.updatedAt),
        hasPassword: user.passwordHash !== null,
      },
      addresses: await Promise.all(addressRows.map((r) => presentAddress(c.env, r))),
      sessions: sessionRows.map((s) => ({
        id: s.id,
        device: { id: s.deviceId, platform: s.devicePlatform, name: s.deviceName },
        createdAt: iso(s.createdAt),
        lastActiveAt: iso(s.lastActiveAt),
        revokedAt: iso(s.revokedAt),
        revokedReason: s.revokedReason,
      })),
      securityEvents: auditRows.map((a) => ({
        id: a.id,
        type: a.type,
        sessionId: a.sessionId,
        data: a.data,
        createdAt: iso(a.createdAt),
      })),
      messages,
      notifications: await notificationDataOf(db, user.id),
    },
    200,
  );
};
