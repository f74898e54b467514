import { TrieRouter } from "hono/router/trie-router";
import { describe, expect, it } from "vitest";
import { MemoRouter } from "../../workers/platform/route-memo";

// The app's router (workers/platform/route-memo.ts) remembers each method+path's match: what it
// answers must be exactly what the trie answers, on the first and on every later call.

const ROUTES: [string, string][] = [
  ["ALL", "*"],
  ["ALL", "/api/*"],
  ["GET", "/api/v1/users/me"],
  ["GET", "/api/v1/users/me/addresses"],
  ["PATCH", "/api/v1/users/me/addresses/:id"],
  ["GET", "/api/v1/users/:id/presence"],
  ["GET", "/api/v1/products"],
  ["GET", "/api/v1/products/:id"],
  ["GET", "/health"],
];

function both() {
  const memo = new MemoRouter<string>();
  const trie = new TrieRouter<string>();
  for (const [method, path] of ROUTES) {
    memo.add(method, path, `${method} ${path}`);
    trie.add(method, path, `${method} ${path}`);
  }
  return { memo, trie };
}

describe("the memoized router", () => {
  it("answers what the trie answers, handlers and params, for every call", () => {
    const { memo, trie } = both();
    const asked = [
      ["GET", "/health"],
      ["GET", "/api/v1/products/prd_1"],
      ["GET", "/api/v1/products/prd_2"],
      ["GET", "/api/v1/users/me/addresses"],
      ["GET", "/api/v1/users/usr_9/presence"],
      ["PATCH", "/api/v1/users/me/addresses/adr_1"],
      ["POST", "/api/v1/products/prd_1"],
      ["GET", "/nothing/here"],
      ["GET", `/api/v1/products/${"x".repeat(300)}`],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [method, path] of asked) expect(memo.match(method, path)).toEqual(trie.match(method, path));
    }
    const detail = memo.match("GET", "/api/v1/products/prd_2")[0].find(([h]) => h === "GET /api/v1/products/:id");
    expect(detail?.[1]).toEqual({ id: "prd_2" });
  });

  it("forgets what it remembered when a route is added", () => {
    const { memo } = both();
    expect(memo.match("GET", "/late")[0].map(([h]) => h)).toEqual(["ALL *"]);
    memo.add("GET", "/late", "GET /late");
    expect(memo.match("GET", "/late")[0].map(([h]) => h)).toEqual(["ALL *", "GET /late"]);
  });
});
