import { call } from "../../support/http";

// The published API description (GET /openapi.json), read the way an outside client reads it, and
// flattened into one entry per operation for the tests that are generated from it.

/** A JSON Schema as the OpenAPI 3.1 document writes it (the subset the app's zod schemas produce). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
}

interface RawParameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface RawOperation {
  tags?: string[];
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Parameter {
  in: "path" | "query" | "header";
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** "METHOD /path/{param}". */
  key: string;
  method: string;
  path: string;
  tags: string[];
  parameters: Parameter[];
  /** Media types of the request body the operation documents (none: it takes no body). */
  bodyTypes: string[];
  /** The JSON body's schema, when it takes JSON. */
  jsonBody?: JsonSchema;
  bodyRequired: boolean;
  /** Documented response statuses. */
  statuses: string[];
  /** Declares bearer authentication. */
  bearer: boolean;
  /** Also open without a token (guests with X-Cart-Token, or anyone). */
  anonymous: boolean;
}

const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];

/** GET /openapi.json through the Worker. */
export async function publishedDocument(): Promise<OpenApiDocument> {
  const res = await call("GET", "/openapi.json");
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

/** The schema a `$ref` names (one level; call again for nested references). */
export function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const name = current.$ref.replace("#/components/schemas/", "");
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${current.$ref}`);
    current = target;
  }
  return current;
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      const security = op.security ?? [];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        parameters: (op.parameters ?? [])
          .filter((p): p is RawParameter & { in: Parameter["in"] } => p.in !== "cookie")
          .map((p) => ({ in: p.in, name: p.name, required: Boolean(p.required), schema: p.schema ?? {} })),
        bodyTypes: Object.keys(content),
        jsonBody: content["application/json"]?.schema,
        bodyRequired: Boolean(op.requestBody?.required),
        statuses: Object.keys(op.responses ?? {}),
        bearer: security.some((s) => "bearerAuth" in s),
        anonymous: security.length === 0 || security.some((s) => Object.keys(s).length === 0),
      });
    }
  }
  return operations;
}

/** The operation's path with its parameters filled (each value percent-encoded). */
export function fillPath(
  path: string,
  values: Record<string, string>,
  encode: (s: string) => string = encodeURIComponent,
): string {
  return path.replace(/\{(\w+)\}/g, (_all, name: string) => encode(values[name] ?? "x"));
}

/** Operators' operations: under /api/v1/admin/ or tagged Admin. */
export const isOperatorOperation = (op: Operation) => op.path.startsWith("/api/v1/admin/") || op.tags.includes("Admin");
