// Setup for the wallet transfer scenario of scenarios.mjs: `users` accounts, each funded through
// the dev-only POST /api/v1/dev/bench/wallet-credit (a top-up into its Wallet object), then every
// request is a transfer of 1.00 THB between a random pair with a fresh Idempotency-Key (so each
// one is a whole saga: hold in the sender's object, credit in the receiver's, settle).
import { randomUUID } from "node:crypto";

async function call(baseUrl, path, body, expected, headers = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

export async function prepareTransfers(baseUrl, { users = 40 } = {}) {
  const stamp = Date.now().toString(36);
  const accounts = [];
  // Sign-ups hash passwords (PBKDF2): a few at a time.
  for (let i = 0; i < users; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, users - i) }, (_, j) =>
        call(
          baseUrl,
          "/api/v1/auth/register",
          {
            email: `bench-wallet-${stamp}-${i + j}@example.com`,
            password: "Bench-2026-pass",
            displayName: `Wallet ${i + j}`,
            country: "TH",
          },
          201,
        ),
      ),
    );
    accounts.push(...batch.map((t) => ({ id: t.user.id, token: t.accessToken })));
  }
  // 40,000.00 THB each: under the basic balance limit, and thousands of 1.00 THB transfers.
  await Promise.all(
    accounts.map((a) =>
      call(
        baseUrl,
        "/api/v1/dev/bench/wallet-credit",
        { userId: a.id, amount: { amount: 4_000_000, currency: "THB" } },
        201,
      ),
    ),
  );
  const pick = () => {
    const from = accounts[Math.floor(Math.random() * accounts.length)];
    let to = from;
    while (to === from) to = accounts[Math.floor(Math.random() * accounts.length)];
    return {
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${from.token}`,
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify({ to: { userId: to.id }, amount: { amount: 100, currency: "THB" } }),
    };
  };
  const first = pick();
  return {
    method: "POST",
    path: "/api/v1/wallet/transfers",
    headers: first.headers,
    body: first.body,
    requests: [{ method: "POST", path: "/api/v1/wallet/transfers", setupRequest: (r) => ({ ...r, ...pick() }) }],
  };
}
