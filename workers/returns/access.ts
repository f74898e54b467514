import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { currentAuth } from "../middleware/auth";
import { type OrderRow, orderById } from "../orders";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { shopSummary } from "../shops";
import type { ReturnActor } from "./moves";
import { type ReturnRow, returnById } from "./rows";

/** A return, its order, and the caller as its shop's owner (or an admin). */
export interface ReturnStanding {
  ret: ReturnRow;
  order: OrderRow;
  actor: ReturnActor;
}

/** For the shop's decisions on a return: its owner or an admin; a signed-in stranger gets 403. */
export async function returnForShop(c: Context<AppEnv>, returnId: string): Promise<ReturnStanding> {
  const auth = currentAuth(c);
  const db = database(c.env);
  const ret = await returnById(db, returnId);
  if (!ret) throw new ApiError("not_found", "There is no return with this id.");
  const order = await orderById(db, ret.orderId);
  if (!order) throw new ApiError("not_found", "There is no return with this id.");
  if (auth.roles.includes("admin")) return { ret, order, actor: { type: "admin", id: auth.userId } };
  if ((await shopSummary(db, ret.shopId))?.ownerId !== auth.userId) {
    throw new ApiError("forbidden", "Only the owner of the shop that sold these items can decide on this return.");
  }
  return { ret, order, actor: { type: "seller", id: auth.userId } };
}

const NO_PHOTO =
  "There is no such photo of a return you may see. Return photos are shown to the buyer and the shop's owner.";

/**
 * A return's photo for its buyer, its shop's owner or an admin; anyone else is told it does not
 * exist (404), as for an unknown id, so a guessed link reveals nothing.
 */
export async function returnPhotoFor(c: Context<AppEnv>, returnId: string, mediaId: string): Promise<string> {
  const auth = currentAuth(c);
  const db = database(c.env);
  const ret = await returnById(db, returnId);
  if (!ret?.mediaIds.includes(mediaId)) throw new ApiError("not_found", NO_PHOTO);
  const allowed =
    ret.customerId === auth.userId ||
    auth.roles.includes("admin") ||
    (await shopSummary(db, ret.shopId))?.ownerId === auth.userId;
  if (!allowed) throw new ApiError("not_found", NO_PHOTO);
  return mediaId;
}
