import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { accounts, direct } from "../chat/helpers";
import { STRONG_PASSWORD, uniqueEmail } from "../support/accounts";
import { call, expectJson, expectProblem, get, post } from "../support/http";

// Strict parsing everywhere: a write with a field the API does not know is refused (422, nothing
// changes), and an integer in a query string is plain decimal digits or a 422 (no `0x10` read as 16).

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

const document = createApp().getOpenAPI31Document({
  openapi: "3.1.0",
  info: { title: "strict", version: "1" },
}) as unknown as {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components: { schemas: Record<string, JsonSchema> };
};

/** Every object inside `schema` that lets unknown properties through, as JSON paths. */
function openObjects(schema: JsonSchema | undefined, at: string, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop()!;
    if (seen.has(name)) return [];
    seen.add(name);
    return openObjects(document.components.schemas[name], at, seen);
  }
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  const out = nested.flatMap((s) => openObjects(s, at, seen));
  if (schema.items) out.push(...openObjects(schema.items, `${at}[]`, seen));
  if (schema.properties) {
    // A record (additionalProperties: a schema) is open on purpose; `false` is closed; absent is open.
    if (schema.additionalProperties === undefined || schema.additionalProperties === true) out.push(at);
    for (const [key, value] of Object.entries(schema.properties)) out.push(...openObjects(value, `${at}.${key}`, seen));
  }
  return out;
}

describe("request bodies refuse unknown fields", () => {
  it("every JSON write in /openapi.json is a closed object, nested objects included", () => {
    const open: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.["application/json"]?.schema;
        open.push(...openObjects(schema, `${method.toUpperCase()} ${path} body`));
      }
    }
    expect(open).toEqual([]);
  });

  it("register: an unknown field (a role, say) is 422 naming it, and no account is made", async () => {
    const email = uniqueEmail("strict");
    // Only this test's name: other files' accounts share the database.
    const displayName = `Somchai ${crypto.randomUUID().slice(0, 8)}`;
    const problem = await expectProblem(
      await post("/api/v1/auth/register", {
        email,
        password: STRONG_PASSWORD,
        displayName,
        country: "TH",
        roles: ["admin"],
      }),
      422,
      "validation_failed",
    );
    expect(problem.errors?.some((e) => e.message.includes("roles"))).toBe(true);
    const { count } = (await env.DB.prepare("SELECT COUNT(*) AS count FROM users WHERE display_name = ?")
      .bind(displayName)
      .first<{ count: number }>())!;
    expect(count).toBe(0);
    // The same body without it signs up.
    await expectJson(
      await post("/api/v1/auth/register", { email, password: STRONG_PASSWORD, displayName, country: "TH" }),
      201,
    );
  });

  it("login, refresh and a chat message refuse unknown fields too", async () => {
    await expectProblem(
      await post("/api/v1/auth/login", { email: uniqueEmail(), password: STRONG_PASSWORD, remember: true }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/auth/refresh", { refreshToken: "x".repeat(20), sessionId: "ses_1" }),
      422,
      "validation_failed",
    );
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    await expectProblem(
      await post(
        `/api/v1/dialogs/${dialog.id}/messages`,
        { clientId: "strict-1", kind: "text", text: "hi", senderId: b.userId },
        a.token,
      ),
      422,
      "validation_failed",
    );
  });
});

describe("integers in query strings are plain decimal digits", () => {
  const malformed = ["0x10", "1e1", "0b11", "0o7", " 5", "5.0", "", "+5", "1_000", "Infinity"];

  it.each(malformed)("chat socket since=%j is 422, before any upgrade", async (since) => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const res = await call("GET", `/api/v1/dialogs/${dialog.id}/ws?since=${encodeURIComponent(since)}`, {
      token: a.token,
      headers: { Upgrade: "websocket", Connection: "Upgrade" },
    });
    const problem = await expectProblem(res, 422, "validation_failed");
    expect(problem.errors?.[0]?.path).toBe("since");
  });

  it.each(malformed)("page limit=%j is 422 on a list, a price bound too", async (value) => {
    const q = encodeURIComponent(value);
    await expectProblem(await get(`/api/v1/products?limit=${q}`), 422, "validation_failed");
    await expectProblem(await get(`/api/v1/products?minPrice=${q}`), 422, "validation_failed");
    await expectProblem(await get(`/api/v1/recommendations/trending?limit=${q}`), 422, "validation_failed");
  });

  it("plain digits still work, and the range is still checked", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    await expectJson(await get("/api/v1/products?limit=5&minPrice=0"), 200);
    await expectJson(await get(`/api/v1/dialogs/${dialog.id}/messages?limit=10&before=5`, { token: a.token }), 200);
    await expectProblem(await get("/api/v1/products?limit=0"), 422, "validation_failed");
    await expectProblem(await get("/api/v1/products?limit=-1"), 422, "validation_failed");
    await expectProblem(await get("/api/v1/products?limit=101"), 422, "validation_failed");
  });
});
