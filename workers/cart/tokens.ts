import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../platform/errors";
import { randomToken, sha256Hex } from "../platform/ids";
import { placement } from "../platform/placement";

/** The header that names a guest's cart, in requests and responses. */
export const CART_TOKEN_HEADER = "X-Cart-Token";

/** What this server issues: 256 random bits, base64url (43 characters). */
const CART_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function isCartToken(value: unknown): value is string {
  return typeof value === "string" && CART_TOKEN.test(value);
}

/** The object name of a signed-in user's cart. */
export function userCartName(userId: string): string {
  return `user:${userId}`;
}

/** SHA-256 (hex) of a guest cart token: the only form of it the server keeps (cart names, guest orders). */
export function cartTokenHash(token: string): Promise<string> {
  return sha256Hex(token);
}

/** The object name of a guest's cart: the token itself is never stored. */
export async function guestCartName(token: string): Promise<string> {
  return `guest:${await cartTokenHash(token)}`;
}

/** A stub of one Cart object, typed by the Env binding (domain code never imports the class). */
export type CartStub = ReturnType<Env["CART"]["getByName"]>;

export function cartStub(env: Env, name: string): CartStub {
  return env.CART.getByName(name, placement(env));
}

/**
 * The guest cart token the request carries in `X-Cart-Token`, or undefined without one. A value
 * this server could not have issued is a 422 (so a typo never silently starts an empty cart).
 */
export function guestCartToken(c: Context<AppEnv>): string | undefined {
  const token = c.req.header(CART_TOKEN_HEADER)?.trim();
  if (token === undefined || token === "") return undefined;
  if (!isCartToken(token)) {
    throw new ApiError(
      "validation_failed",
      "X-Cart-Token is not a cart token this server issued. Send back the X-Cart-Token of an earlier response, or none to start a new cart.",
      { errors: [{ path: "X-Cart-Token", message: "Expected the 43-character token from an earlier response" }] },
    );
  }
  return token;
}

export type CartOwner =
  | { kind: "user"; userId: string }
  | {
      kind: "guest";
      token: string;
      /** SHA-256 hex of the token: what guest orders keep (orders.guestTokenHash). */
      tokenHash: string;
      /** The request had no token: one was made up now and nothing is stored for it yet. */
      isNew: boolean;
    };

export interface ResolvedCart {
  /** The cart's public id (the object's id). */
  id: string;
  /** The object's name (`user:<id>` or `guest:<sha256>`). */
  name: string;
  stub: CartStub;
  owner: CartOwner;
}

/**
 * The caller's cart: the signed-in user's (a Bearer token wins over any X-Cart-Token), otherwise
 * the guest cart named by X-Cart-Token, with a new 256-bit token when the request had none. For
 * guests the response carries the token back in X-Cart-Token.
 */
export async function resolveCart(c: Context<AppEnv>): Promise<ResolvedCart> {
  c.header("Cache-Control", "private, no-store");
  const auth = c.get("auth");
  if (auth) {
    const name = userCartName(auth.userId);
    const stub = cartStub(c.env, name);
    return { id: stub.id.toString(), name, stub, owner: { kind: "user", userId: auth.userId } };
  }
  const sent = guestCartToken(c);
  const token = sent ?? randomToken(32);
  const tokenHash = await cartTokenHash(token);
  const name = `guest:${tokenHash}`;
  const stub = cartStub(c.env, name);
  c.header(CART_TOKEN_HEADER, token);
  return { id: stub.id.toString(), name, stub, owner: { kind: "guest", token, tokenHash, isNew: sent === undefined } };
}
