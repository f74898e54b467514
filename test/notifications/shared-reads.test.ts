import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { sharedReads } from "../../workers/notifications/recipients";
import { database } from "../../workers/platform/db";
import { call, expectJson, openStream, register } from "./helpers";

describe("a queue batch's shared reads", () => {
  it("reads the looked-up users' recipient data alongside them, and anyone else's when asked", async () => {
    const [looked, other] = [await register("th"), await register("en")];
    await expectJson(
      await call("PUT", "/api/v1/notifications/preferences", {
        token: other.token,
        body: { channels: { email: false } },
      }),
      200,
    );
    const device = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/notifications/devices", {
        token: other.token,
        body: { token: `shared-${crypto.randomUUID()}`, platform: "android" },
      }),
      201,
    );
    const stream = await openStream({ token: other.token });

    const reads = sharedReads(env, database(env), Date.now());
    const found = await reads.users([looked.userId]);
    expect(found.get(looked.userId)?.locale).toBe("th");
    const ids = [looked.userId, other.userId];
    const data = await reads.recipients({ notified: ids, push: ids, live: ids });
    expect(data.prefs.get(looked.userId)?.channels.email).toBe(true);
    expect(data.prefs.get(other.userId)?.channels.email).toBe(false);
    expect(data.devices.get(looked.userId)).toBeUndefined();
    expect(data.devices.get(other.userId)?.map((d) => d.deviceId)).toEqual([device.id]);
    expect([...data.connected]).toEqual([other.userId]);
    stream.close();
  });
});
