import { describe, expect, it } from "vitest";
import { get } from "../support/http";

// The web app's API client is typed from web/src/api/openapi.json (scripts/api-types.mjs). That
// snapshot must be the document the Worker serves, so a contract change fails here (and, through
// the regenerated types, in `tsc` wherever the app depends on what changed) instead of in a browser.
// After an intended change: `npm run api:snapshot`, then fix what `npm run typecheck` reports.

describe("the web app's API snapshot", () => {
  it("equals the live /openapi.json", async () => {
    const res = await get("/openapi.json");
    expect(res.status).toBe(200);
    const live = `${JSON.stringify(await res.json(), null, 2)}\n`;
    await expect(live, "web/src/api/openapi.json is stale: run `npm run api:snapshot`").toMatchFileSnapshot(
      "../../web/src/api/openapi.json",
    );
  });
});
