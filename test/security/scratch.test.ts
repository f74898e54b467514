import { it, vi } from "vitest";
import { register } from "../support/accounts";
import { call } from "../support/http";
import { type JsonSchema, type OpenApiDocument, operationsOf, publishedDocument, resolve } from "./support/openapi";

function walk(doc: OpenApiDocument, s: JsonSchema | undefined, path: string, out: string[], depth = 0) {
  const r = resolve(doc, s);
  if (depth > 6) return;
  for (const [k, v] of Object.entries(r.properties ?? {})) {
    const rv = resolve(doc, v);
    out.push(`${path}${k}:${rv.type ?? ""}${rv.format ? "/" + rv.format : ""}`);
    walk(doc, rv, `${path}${k}.`, out, depth + 1);
    if (rv.items) walk(doc, rv.items, `${path}${k}[].`, out, depth + 1);
  }
  for (const alt of [...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])]) walk(doc, alt, path, out, depth + 1);
}
it("dump", async () => {
  const doc = await publishedDocument();
  for (const op of operationsOf(doc)) {
    const fields: string[] = [];
    walk(doc, op.jsonBody, "", fields);
    const ids = fields.filter((f) => /id(s)?:|url|uri|token|Ref|replyTo/i.test(f));
    const q = op.parameters
      .filter((p) => p.in === "query" && /Id$|limit/.test(p.name))
      .map((p) => `${p.name}:${JSON.stringify(resolve(doc, p.schema))}`);
    if (ids.length || q.length) console.log(op.key, ids.join(" "), q.join(" "));
  }
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("<html>", { status: 200 }));
  const u = await register();
  const res = await call("PATCH", "/api/v1/users/me", {
    token: u.accessToken,
    body: { avatarUrl: "https://169.254.169.254/latest/meta-data" },
  });
  console.log(res.status, await res.text(), spy.mock.calls.length);
});
