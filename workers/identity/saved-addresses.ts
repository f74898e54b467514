import { and, eq } from "drizzle-orm";
import { addresses } from "../../d1/schema/identity";
import { database } from "../platform/db";
import { type Address, presentAddress } from "./addresses";

/** One of the user's saved addresses, decrypted; undefined when they have none with this id. */
export async function savedAddressOf(env: Env, userId: string, addressId: string): Promise<Address | undefined> {
  const row = await database(env)
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
    .get();
  return row ? presentAddress(env, row) : undefined;
}
