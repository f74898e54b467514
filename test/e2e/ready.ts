import { existsSync, readFileSync } from "node:fs";
import { expect, inject } from "vitest";

// Setup file of the e2e project: global-setup.ts boots the server in the background, so each
// e2e file waits here until it is up and seeded (or fails with the reason it did not start).
// A file that starts a server of its own (own-server.ts) does not wait for the shared one.
const testFile = expect.getState().testPath;
const ownServer = testFile !== undefined && readFileSync(testFile, "utf8").includes("useOwnServer(");
const readyFile = inject("e2eReadyFile");
const deadline = Date.now() + 300_000;
while (!ownServer && !existsSync(readyFile)) {
  if (Date.now() > deadline) throw new Error(`the e2e server was not ready within 300 s (${readyFile})`);
  await new Promise((r) => setTimeout(r, 200));
}
const state: { ok?: true; error?: string } = ownServer ? { ok: true } : JSON.parse(readFileSync(readyFile, "utf8"));
if (!state.ok) throw new Error(`the e2e server did not start: ${state.error}`);
