import { describe, expect, it } from "vitest";
import { del, expectJson, get, newDevice, otpSignIn, thaiMobile } from "../identity/helpers";
import { openStream } from "../notifications/helpers";

// A session signed out from another device (DELETE /auth/sessions/:id: one row of the sessions
// list, or "sign out others") hears it at once on its realtime stream: a `session.revoked` frame,
// then close 4401, not at the hub's next heartbeat. The caller's own stream stays open.

describe("a session ended from another device", () => {
  it("gets session.revoked and a 4401 close on its stream at once; the other devices stay", async () => {
    const phone = thaiMobile();
    const here = await otpSignIn(phone, { device: newDevice("web", "laptop") });
    const there = await otpSignIn(phone, { device: newDevice("android", "phone") });
    const [hereStream, thereStream] = [
      await openStream({ token: here.accessToken }),
      await openStream({ token: there.accessToken }),
    ];

    const sessions = await expectJson<{ items: { id: string; current: boolean }[] }>(
      await get("/api/v1/auth/sessions", here.accessToken),
      200,
    );
    const others = sessions.items.filter((s) => !s.current);
    expect(others).toHaveLength(1);
    expect((await del(`/api/v1/auth/sessions/${others[0].id}`, here.accessToken)).status).toBe(204);

    const frame = await thereStream.next("session.revoked", () => true, 5_000);
    expect(frame).toEqual({ type: "session.revoked", sessionId: others[0].id });
    expect(await thereStream.waitClosed(5_000)).toEqual({ code: 4401, reason: "signed out from another device" });
    expect(hereStream.closed).toBeNull();
    expect(hereStream.frames.some((f) => f.type === "session.revoked")).toBe(false);
    hereStream.close();
  });

  it("a session that is not the caller's is 404 and closes nothing", async () => {
    const a = await otpSignIn(thaiMobile(), { device: newDevice("web") });
    const b = await otpSignIn(thaiMobile(), { device: newDevice("web") });
    const stream = await openStream({ token: b.accessToken });
    const theirs = await expectJson<{ items: { id: string }[] }>(
      await get("/api/v1/auth/sessions", b.accessToken),
      200,
    );
    expect((await del(`/api/v1/auth/sessions/${theirs.items[0].id}`, a.accessToken)).status).toBe(404);
    expect(stream.closed).toBeNull();
    stream.close();
  });
});
