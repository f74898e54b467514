import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { addresses, sessions, users } from "../../../d1/schema/identity";
import { outboundMessages } from "../../../d1/schema/messaging";
import type { AppEnv } from "../../app-env";
import {
  accountMessageWrites,
  auditWrite,
  currentUser,
  revokeSessionWrites,
  sendAccountMessagesNow,
  userContact,
} from "../../identity";
import { requireAuth } from "../../middleware/auth";
import { notificationErasureWrites } from "../../notifications";
import { clientIpHash } from "../../platform/client";
import { database, nowMs } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";

const DeletionSchema = z
  .object({ status: z.literal("deleted"), deletedAt: z.string().datetime() })
  .openapi("AccountDeletion");

export const deleteMeRoute = defineRoute({
  method: "delete",
  path: "/api/v1/users/me",
  tags: ["Users"],
  summary: "Delete the account: sessions revoked, personal data erased",
  description:
    "Every session ends, phone, email, password, name, avatar and addresses are erased. Orders stay (legal retention) without personal data, pointing at the anonymous account id.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 202: jsonResponse("Deleted", DeletionSchema) },
  errors: [401],
});

export const deleteMeHandler: RouteHandler<typeof deleteMeRoute, AppEnv> = async (c) => {
  const user = await currentUser(c);
  const db = database(c.env);
  const now = nowMs();
  const live = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
  const contact = await userContact(c.env, user);
  const goodbye = await accountMessageWrites(c.env, db, contact, "account_deleted", { name: user.displayName });
  // Messages already sent to the account hold its contact details and content: erase them too
  // (the goodbye below is written after this delete, so it is still delivered).
  const recipientHashes = [user.phoneHash, user.emailHash].filter((h): h is string => h !== null);
  await db.batch([
    db
      .update(users)
      .set({
        phoneEnc: null,
        phoneHash: null,
        emailEnc: null,
        emailHash: null,
        passwordHash: null,
        displayName: "Deleted user",
        avatarUrl: null,
        status: "deleted",
        roles: [],
        updatedAt: now,
        deletedAt: now,
      })
      .where(eq(users.id, user.id)),
    db.delete(addresses).where(eq(addresses.userId, user.id)),
    ...notificationErasureWrites(db, user.id),
    ...(recipientHashes.length
      ? [db.delete(outboundMessages).where(inArray(outboundMessages.recipientHash, recipientHashes))]
      : []),
    ...(live.length
      ? revokeSessionWrites(
          c,
          live.map((s) => s.id),
          "account_deleted",
        )
      : []),
    auditWrite(db, {
      type: "account_deleted",
      userId: user.id,
      ipHash: await clientIpHash(c),
      data: { sessionsRevoked: live.length },
    }),
    ...goodbye.writes,
  ]);
  await sendAccountMessagesNow(c.env, goodbye.events);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json({ status: "deleted" as const, deletedAt: new Date(now).toISOString() }, 202);
};
