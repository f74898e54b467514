// What the web measuring scripts (web-budgets.mjs, web-screenshots.mjs) need from a running
// platform: a server (a throwaway one booted the way `npm start` boots, or one already running at
// `--base-url URL` / WEB_BASE_URL), people signed in through the dev outbox's OTP (as a phone's SMS
// would bring the code), a product and a dialog with a few messages to show.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWeb } from "./build-web.mjs";
import { ROOT } from "./dev-vars.mjs";

const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");
export const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function requireChromium() {
  if (!existsSync(CHROMIUM)) {
    console.error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-thai-tlwg (or set CHROME_PATH)`);
    process.exit(2);
  }
}

/** `--name value` from the command line, else the environment variable. */
export function option(name, envName) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : process.env[envName];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(WRANGLER, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (status) => resolve({ status, output }));
  });
}

async function waitForHealth(baseUrl, server, output) {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const res = await fetch(`${baseUrl}/health`).catch(() => null);
    if (res?.ok) return;
    if (server.exitCode !== null || Date.now() > deadline) {
      throw new Error(`wrangler dev did not start:\n${output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * A server to measure: `baseUrl` when given (it must answer /health), else a fresh one on a free
 * port with throwaway state, migrated and seeded; `stop()` ends what was started here only.
 */
export async function startPlatform(baseUrl) {
  if (baseUrl) {
    const res = await fetch(`${baseUrl}/health`).catch(() => null);
    if (!res?.ok) throw new Error(`${baseUrl}/health does not answer: start the platform (npm start) first`);
    return { baseUrl, stop: async () => {} };
  }
  await buildWeb();
  const state = mkdtempSync(join(tmpdir(), "tchat-web-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const migrate = await run(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.output}`);
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state];
  const env = ["--env-file", join(ROOT, ".dev.vars.example"), "--var", "ACCESS_LOG:false"];
  const quiet = ["--show-interactive-dev-session=false", "--log-level", "warn"];
  const server = spawn(WRANGLER, [...args, ...env, ...quiet], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  const stop = async () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, server, () => output);
    const seeded = await fetch(`${url}/api/v1/dev/seed`, { method: "POST" });
    if (!seeded.ok) throw new Error(`seeding failed: ${seeded.status} ${await seeded.text()}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl: url, stop };
}

/** One API call; anything but 2xx throws with the server's problem detail. */
export async function call(baseUrl, path, { method: asked, token, body } = {}) {
  const method = asked ?? (body === undefined ? "GET" : "POST");
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : {};
}

/**
 * A new person signed in by phone OTP (the code read from the dev outbox), named `displayName`;
 * returns their id and the session as web/src/api/session.ts stores it.
 */
export async function signInByPhone(baseUrl, displayName, locale = "en") {
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  const phone = `+668${digits}`;
  await call(baseUrl, "/api/v1/auth/otp/request", { body: { phone, country: "TH", locale } });
  const outbox = await call(baseUrl, `/api/v1/dev/outbox?to=${encodeURIComponent(phone)}&channel=sms`);
  const code = outbox.items[0]?.body.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new Error(`no OTP for ${phone} in the dev outbox`);
  const device = { id: `script-${digits}`, platform: "web", name: "Chromium" };
  const tokens = await call(baseUrl, "/api/v1/auth/otp/verify", { body: { phone, country: "TH", code, device } });
  await call(baseUrl, "/api/v1/users/me", {
    method: "PATCH",
    token: tokens.accessToken,
    body: { displayName, locale },
  });
  return {
    id: tokens.user.id,
    phone,
    session: {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    },
  };
}

/** A seeded product in stock, with a picture when one exists (the product page's heaviest case). */
export async function pickProduct(baseUrl) {
  const page = await call(baseUrl, "/api/v1/products?limit=50&sort=rating");
  const items = page.items;
  if (items.length === 0) throw new Error("no products: was the platform seeded?");
  const inStock = items.filter((p) => p.available > 0);
  return inStock.find((p) => p.images?.length > 0) ?? inStock[0] ?? items[0];
}

/** A direct dialog between two new people with a short exchange in it; `me` is the first. */
export async function chatWithMessages(baseUrl, lines, names = ["Somchai", "Dewi"]) {
  const me = await signInByPhone(baseUrl, names[0]);
  const friend = await signInByPhone(baseUrl, names[1]);
  const dialog = await call(baseUrl, "/api/v1/dialogs", {
    token: me.session.accessToken,
    body: { type: "direct", participantIds: [friend.id] },
  });
  for (const [i, text] of lines.entries()) {
    const who = i % 2 === 0 ? friend : me;
    await call(baseUrl, `/api/v1/dialogs/${dialog.id}/messages`, {
      token: who.session.accessToken,
      body: { clientId: `script-${i}`, kind: "text", text },
    });
  }
  return { me, friend, dialogId: dialog.id };
}
