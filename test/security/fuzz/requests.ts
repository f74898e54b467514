import fc from "fast-check";
import { fillPath, type OpenApiDocument, type Operation, type Parameter } from "../support/openapi";
import { HOSTILE_STRINGS, hostileValue, mutated, nested, validValue } from "./values";

// One fuzzed HTTP request per sample, generated from an operation of the OpenAPI document: its
// path parameters, query parameters, headers and body, each well-formed or hostile.

/** What the generated requests may use: real ids and credentials, so some get past the first checks. */
export interface FuzzContext {
  doc: OpenApiDocument;
  /** Ids of real resources (a normal user's shop, product, order, dialog ...), for path parameters. */
  ids: string[];
  /** A normal user's access token, and an operator's. */
  userToken: string;
  adminToken: string;
  /** Authorization header values that must not authenticate anyone (forged, expired, malformed). */
  badAuthorizations: string[];
  /** A real guest cart token. */
  guestCartToken: string;
}

export interface FuzzRequest {
  operation: string;
  method: string;
  /** Path and query, no origin. */
  target: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Which credentials it carries: "none", "user", "admin" or "bad". */
  auth: "none" | "user" | "admin" | "bad";
}

const printable = (s: string) => /^[\x20-\x7e]*$/.test(s);
/** Hostile strings a header can carry (HTTP header values are printable ASCII here). */
const HEADER_STRINGS = HOSTILE_STRINGS.filter(printable);

/** Bodies that are not JSON, or are JSON in a shape no parser should trip on. */
const BAD_JSON = [
  '{"name":',
  "{'name': 1}",
  '{"a":1,}',
  "NaN",
  "\uFEFF{}",
  '{"a":"\\ud800"}',
  "[",
  "",
  "null",
  '{"a":1,"a":2}',
  "1e999999",
  '{"a":1}trailing',
  `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
  `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`,
  "name=x&price=1",
  "<xml/>",
];

const JSON_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/merge-patch+json",
  "application/json; charset=utf-16",
];
const WRONG_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "application/xml",
  "image/png",
  "application/octet-stream",
  "",
  "json",
  "application/json\u0000",
].filter(printable);

/** The upload caps (MAX_MEDIA_BYTES, MAX_IMAGE_BYTES) the fuzz run sets; some uploads are one byte over. */
export const UPLOAD_CAP_BYTES = 256 * 1024;

const jsonText = (value: unknown) => JSON.stringify(value) ?? "null";

/** Percent-encodes a URL component; a lone surrogate (which has no UTF-8 form) goes as U+FFFD. */
const encode = (s: string) =>
  encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, (c, i, all) => (isPaired(all, i) ? c : "\uFFFD")));
const isPaired = (s: string, i: number) => {
  const code = s.charCodeAt(i);
  if (code < 0xdc00) return i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
  return i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) < 0xdc00;
};

/** A JSON body for an operation that takes one: well-formed, one thing wrong, or nothing like the schema. */
function jsonBodyArb(ctx: FuzzContext, op: Operation): fc.Arbitrary<{ body?: string; type?: string }> {
  const valid = validValue(ctx.doc, op.jsonBody);
  const value = fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 5, arbitrary: valid.chain(mutated) },
    { weight: 1, arbitrary: hostileValue },
  );
  const text = fc.oneof(
    { weight: 8, arbitrary: value.map(jsonText) },
    { weight: 2, arbitrary: fc.constantFrom(...BAD_JSON) },
  );
  const type = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...JSON_TYPES) },
    { weight: 2, arbitrary: fc.constantFrom<string | undefined>(...WRONG_TYPES, undefined) },
  );
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ body: text, type }) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/** A raw upload: images that are and are not what they claim, markup, nothing, or too much. */
function rawBodyArb(op: Operation): fc.Arbitrary<{ body?: Uint8Array; type?: string }> {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));
  const body = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .uint8Array({ maxLength: 256 })
        .map((tail) => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...tail])),
    },
    {
      weight: 2,
      arbitrary: fc.uint8Array({ maxLength: 256 }).map((tail) => bytes([0xff, 0xd8, 0xff, 0xe0], [...tail])),
    },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 512 }) },
    { weight: 1, arbitrary: fc.constant(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')) },
    { weight: 1, arbitrary: fc.constant(bytes("<!doctype html><script>alert(1)</script>")) },
    { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
    { weight: 1, arbitrary: fc.constant(new Uint8Array(UPLOAD_CAP_BYTES + 1).fill(0x41)) },
  );
  const declared = op.bodyTypes.filter((t) => t !== "*/*");
  const type = fc.constantFrom<string | undefined>(
    ...declared,
    "image/jpeg",
    "image/svg+xml",
    "text/html",
    "application/json",
    "application/octet-stream",
    "image/png; charset=../../x",
    undefined,
  );
  return fc.record({ body, type });
}

/** A body for an operation that takes none: usually none, sometimes junk with some Content-Type. */
const strayBodyArb: fc.Arbitrary<{ body?: string; type?: string }> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record({
      body: fc.constantFrom(...BAD_JSON.slice(0, 8), jsonText(nested(64, "object"))),
      type: fc.constantFrom(...JSON_TYPES, ...WRONG_TYPES),
    }),
  },
);

function bodyArb(ctx: FuzzContext, op: Operation): fc.Arbitrary<{ body?: string | Uint8Array; type?: string }> {
  if (op.method === "GET" || op.method === "HEAD") return fc.constant({});
  if (op.jsonBody) return jsonBodyArb(ctx, op);
  if (op.bodyTypes.length > 0) return rawBodyArb(op);
  return strayBodyArb;
}

/** A path parameter: a real id, a hostile string, any unicode, or what its schema allows. */
function pathValueArb(ctx: FuzzContext, param: Parameter): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ctx.ids) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s !== "")) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constant("x".repeat(10_000)) },
    { weight: 1, arbitrary: validValue(ctx.doc, param.schema).map((v) => String(v) || "x") },
  );
}

/** A query parameter's value, or undefined to leave it out. */
function queryValueArb(ctx: FuzzContext, param: Parameter): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: param.required ? 0 : 3, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: validValue(ctx.doc, param.schema).map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
    },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom("-1", "0", "1.5", "1000000000", "1e3", "0x10", "[]", "x".repeat(10_000)) },
  );
}

function queryArb(ctx: FuzzContext, op: Operation): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === "query");
  const values = fc.tuple(...params.map((p) => queryValueArb(ctx, p)));
  const extras = fc.oneof(
    { weight: 8, arbitrary: fc.constant<[string, string][]>([]) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<[string, string][]>(
        [["role", "admin"]],
        [["__proto__[isAdmin]", "true"]],
        [
          ["limit", "1"],
          ["limit", "100000"],
        ],
      ),
    },
  );
  return fc.tuple(values, extras).map(([chosen, extra]) => {
    const pairs: [string, string][] = [];
    params.forEach((p, i) => {
      const v = chosen[i];
      if (v !== undefined) pairs.push([p.name, v]);
    });
    pairs.push(...extra);
    return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&");
  });
}

function authArb(ctx: FuzzContext): fc.Arbitrary<{ auth: FuzzRequest["auth"]; header?: string }> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ auth: "none" as const }) },
    { weight: 4, arbitrary: fc.constant({ auth: "user" as const, header: `Bearer ${ctx.userToken}` }) },
    { weight: 1, arbitrary: fc.constant({ auth: "admin" as const, header: `Bearer ${ctx.adminToken}` }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...ctx.badAuthorizations).map((header) => ({ auth: "bad" as const, header })),
    },
  );
}

function headersArb(ctx: FuzzContext, op: Operation) {
  const maybe = (arb: fc.Arbitrary<string>, freq: number) => fc.option(arb, { nil: undefined, freq });
  return fc.record({
    auth: authArb(ctx),
    cartToken: maybe(fc.oneof(fc.constant(ctx.guestCartToken), fc.constantFrom(...HEADER_STRINGS), fc.uuid()), 3),
    idempotencyKey: maybe(fc.oneof(fc.uuid(), fc.constantFrom(...HEADER_STRINGS), fc.constant("k".repeat(5_000))), 1),
    requestId: maybe(fc.constantFrom(...HEADER_STRINGS), 8),
    upgrade: fc.boolean().map((yes) => yes && op.statuses.includes("101")),
  });
}

/** Requests for one operation. */
export function requestArb(ctx: FuzzContext, op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const pathValues = fc.tuple(...pathParams.map((p) => pathValueArb(ctx, p)));
  const encoding = fc.oneof(
    { weight: 6, arbitrary: fc.constant(encode) },
    { weight: 1, arbitrary: fc.constant((s: string) => s) },
  );
  return fc
    .record({ pathValues, encoding, query: queryArb(ctx, op), body: bodyArb(ctx, op), headers: headersArb(ctx, op) })
    .map(({ pathValues: values, encoding: enc, query, body, headers: h }) => {
      const named = Object.fromEntries(pathParams.map((p, i) => [p.name, values[i]]));
      const headers: Record<string, string> = {};
      if (h.auth.header !== undefined) headers.Authorization = h.auth.header;
      if (h.cartToken !== undefined) headers["X-Cart-Token"] = h.cartToken;
      if (h.idempotencyKey !== undefined) headers["Idempotency-Key"] = h.idempotencyKey;
      if (h.requestId !== undefined) headers["X-Request-ID"] = h.requestId;
      if (h.upgrade) Object.assign(headers, { Upgrade: "websocket", Connection: "Upgrade" });
      if (body.type !== undefined) headers["Content-Type"] = body.type;
      const path = fillPath(op.path, named, enc);
      return {
        operation: op.key,
        method: op.method,
        target: query ? `${path}?${query}` : path,
        headers,
        body: body.body,
        auth: h.auth.auth,
      };
    });
}
