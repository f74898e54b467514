import fc from "fast-check";
import { type JsonSchema, type OpenApiDocument, resolve } from "../support/openapi";

// Values for the fuzz test: well-formed ones generated from a JSON Schema (so requests get past
// the first check and reach the code behind it), and hostile ones that no schema allows.

/** Path traversal, SQL and FTS5 syntax, markup and template syntax, odd unicode, odd numbers as text. */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "../../../../etc/passwd",
  "..%2F..%2F..%2Fadmin",
  "%2e%2e%2f%2e%2e%2f",
  "..\\..\\windows\\win.ini",
  "/api/v1/admin/audit-events",
  "' OR '1'='1",
  "1; DROP TABLE users; --",
  '" OR 1=1 --',
  "%' AND 1=0 UNION SELECT sql FROM sqlite_master --",
  "\\",
  '"',
  '"unterminated',
  "NEAR(a b, 2)",
  "a OR",
  "AND NOT",
  "*",
  "^prefix",
  "name:value",
  "-excluded",
  "{a b}: c",
  "(((",
  ")",
  "a + b",
  '" * "',
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection probe, on purpose
  "{{7*7}}${7*7}",
  "%s%n%x",
  "\u0000",
  "\r\nX-Injected: 1",
  "สวัสดีครับ",
  "Tiếng Việt có dấu",
  "𝓽𝓮𝓼𝓽 🧨💥👩‍👩‍👧‍👦",
  "\u202Egnp.exe",
  "\u200B\u200C\uFEFF",
  "e\u0301\u0301\u0301",
  "\uD800",
  "ｆｕｌｌｗｉｄｔｈ",
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "true",
  "-1",
  "0",
  "1.5",
  "1e309",
  "0x10",
  "9999999999999999999999",
];

/** Numbers no money amount, quantity or limit should take. */
export const HOSTILE_NUMBERS = [
  -1,
  -100,
  0,
  0.5,
  10.01,
  -0.01,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  5e-324,
];

const huge = fc.constantFrom(100_000, 20_000).map((n) => "A".repeat(n));
const unicode = fc.string({ unit: "grapheme", maxLength: 40 });
const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: unicode },
  { weight: 1, arbitrary: huge },
);

/** Arrays or objects nested `depth` deep. */
export function nested(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { a: value };
  return value;
}

/** Any JSON value a schema would not expect here: wrong types, hostile text and numbers, deep or huge shapes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { "": "" }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>({ amount: 10.5, currency: "THB" }, { amount: -100, currency: "IDR" }),
  },
  { weight: 1, arbitrary: fc.constantFrom(nested(64, "array"), nested(64, "object"), nested(2_000, "array")) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_000 }, (_, i) => i)) },
);

/** Fields a client might add to take what is not theirs (mass assignment), and prototype keys. */
export const EXTRA_FIELDS: [string, unknown][] = [
  ["roles", ["admin"]],
  ["role", "admin"],
  ["status", "active"],
  ["ownerId", "usr_someone_else"],
  ["userId", "usr_someone_else"],
  ["verificationStatus", "verified"],
  ["price", { amount: 1, currency: "THB" }],
  ["total", { amount: 0, currency: "THB" }],
  ["isAdmin", true],
  ["__proto__", { isAdmin: true }],
  ["constructor", { prototype: { isAdmin: true } }],
  ["unexpected", "field"],
];

const typeOf = (schema: JsonSchema): string | undefined => {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null") ?? "null";
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  return undefined;
};

function stringArb(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.example !== undefined && typeof schema.example === "string") {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(schema.example) },
      { weight: 1, arbitrary: plainString(schema) },
    );
  }
  switch (schema.format) {
    case "email":
      return fc.nat(99_999).map((n) => `fuzz-${n}@example.com`);
    case "date-time":
      return fc
        .date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString());
    case "uri":
    case "url":
      return fc.constantFrom("https://example.com/a.png", "https://cdn.tchat.example/x", "http://127.0.0.1:8787/x");
    default:
      return plainString(schema);
  }
}

function plainString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
  return fc.string({ minLength, maxLength });
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  const min = Math.max(low, -1_000_000_000);
  const max = Math.min(Math.max(high, min), 1_000_000_000);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectArb(doc: OpenApiDocument, schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const value = validValue(doc, property, depth + 1);
    return [name, required.has(name) ? value : fc.option(value, { nil: undefined, freq: 2 })] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((record) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
    return out;
  });
}

/** A value the schema allows (approximately: patterns and refinements are not modelled). */
export function validValue(doc: OpenApiDocument, raw: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  if (depth > 8) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validValue(doc, s, depth + 1)));
  if (schema.allOf?.length) {
    return fc
      .tuple(...schema.allOf.map((s) => validValue(doc, s, depth + 1)))
      .map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === "object")));
  }
  switch (typeOf(schema)) {
    case "string":
      return stringArb(schema);
    case "integer":
      return numberArb(schema, true);
    case "number":
      return numberArb(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(validValue(doc, schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case "object":
      return objectArb(doc, schema, depth);
    default:
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
  }
}

/** Every path to a field or element inside a JSON value, and the root. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (value && typeof value === "object" && out.length < 200) {
    for (const [key, child] of Object.entries(value))
      pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function withChange(
  value: unknown,
  path: (string | number)[],
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(value);
  if (path.length === 0) return copy;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]);
  return copy;
}

/** The value with one thing wrong: a field replaced by a hostile value, removed, or one added. */
export function mutated(value: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(value);
  const somewhere = fc.constantFrom(...paths);
  const inner = paths.filter((p) => p.length > 0);
  const replace = fc.tuple(somewhere, hostileValue).map(([path, hostile]) =>
    path.length === 0
      ? hostile
      : withChange(value, path, (parent, key) => {
          parent[key] = hostile;
        }),
  );
  const extra = fc.constantFrom(...EXTRA_FIELDS).map(([key, extraValue]) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return value;
    // A plain assignment to "__proto__" would set the prototype; define it as an own field instead.
    const copy = structuredClone(value) as Record<string, unknown>;
    Object.defineProperty(copy, key, { value: extraValue, enumerable: true, configurable: true, writable: true });
    return copy;
  });
  if (inner.length === 0) return fc.oneof(replace, extra);
  const remove = fc.constantFrom(...inner).map((path) =>
    withChange(value, path, (parent, key) => {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    }),
  );
  return fc.oneof({ weight: 4, arbitrary: replace }, { weight: 2, arbitrary: remove }, { weight: 2, arbitrary: extra });
}
