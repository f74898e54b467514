import type { z } from "@hono/zod-openapi";
import type { CreateTransferSchema } from "../../schemas/wallet";
import { activeAccountByPhone, activeAccounts } from "../identity";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";

type Recipient = z.infer<typeof CreateTransferSchema>["to"];

/**
 * The account a transfer goes to: by user id, or by phone number through identity's keyed hash.
 * Suspended and deleted accounts are not recipients (404 `recipient_not_found`, before anything moves).
 */
export async function recipientOf(env: Env, db: Database, to: Recipient): Promise<string> {
  if ("userId" in to) {
    const active = await activeAccounts(db, [to.userId]);
    if (!active.has(to.userId)) {
      throw new ApiError("recipient_not_found", "There is no active account with this user id. Check the recipient.", {
        errors: [{ path: "to.userId", message: "No active account has this id" }],
      });
    }
    return to.userId;
  }
  const userId = await activeAccountByPhone(env, db, to.phone, to.country, "to.phone");
  if (!userId) {
    throw new ApiError(
      "recipient_not_found",
      "No active account uses this phone number. Check the number, or ask the person to sign up first.",
      { errors: [{ path: "to.phone", message: "No active account has this number" }] },
    );
  }
  return userId;
}
