import type { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "../app-env";
import { switchedOff } from "../middleware/switched-routes";
import type { Config } from "../platform/config";

const INFO = {
  title: "Tchat Edge API",
  version: "1.0.0",
  description:
    "Messaging-and-commerce API for South-East Asia. Errors are application/problem+json with a stable `code`; money is integer minor units; lists page with `?limit=&cursor=`.",
};

/** The API reference page's Content-Security-Policy: the global one's, plus its inline boot script and its fonts. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

/**
 * GET /openapi.json (OpenAPI 3.1, generated from the routes' zod schemas, of the routes this
 * deployment serves) and GET /docs.
 */
export function mountApiDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.get("/openapi.json", (c) => {
    const config = c.get("config");
    const document = app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: INFO,
      servers: [{ url: new URL(c.req.url).origin, description: "This server" }],
      tags: [
        { name: "Ops", description: "Health, readiness and documentation" },
        { name: "Identity", description: "Phone OTP and email sign-in, tokens, sessions" },
        { name: "Users", description: "Profile, addresses, privacy rights" },
        { name: "Shops", description: "Sellers' shops and their verification" },
        { name: "Catalog", description: "Shops, categories, products, media and search" },
        { name: "Inventory", description: "Live stock of products and variants" },
        { name: "Reviews", description: "Buyers' reviews and ratings, sellers' replies, reports" },
        {
          name: "Recommendations",
          description: "Trending, similar, bought together and personal picks, and the product views they learn from",
        },
        { name: "Media", description: "Product photos and chat files in R2" },
        {
          name: "Cart",
          description: "The caller's cart (signed in, or a guest by X-Cart-Token), priced from the catalog",
        },
        { name: "Shipping", description: "Courier rate tables per country, weight based" },
        {
          name: "Chat",
          description:
            "Dialogs (direct, group, channel, shop support), messages, receipts, presence, the dialog WebSocket",
        },
        { name: "Realtime", description: "Tickets for opening WebSockets without an Authorization header" },
        {
          name: "Notifications",
          description:
            "The in-app inbox, preferences (channels × categories, quiet hours), push devices, the per-user realtime stream, promotions",
        },
        { name: "Admin", description: "Operator endpoints (admin role)" },
        { name: "Dev", description: "Local development helpers (absent in production)" },
      ],
    });
    return c.json(servedOnly(document, config));
  });
  // The reference UI is served from our own assets (no CDN): /vendor/scalar-api-reference.js.
  // Its page boots with an inline script, so /docs alone gets a CSP that allows inline code; the
  // other security headers are every answer's (requestFrame sets them all on the final answer).
  app.use("/docs", async (c, next) => {
    c.set("contentSecurityPolicy", DOCS_CSP);
    await next();
  });
  app.get(
    "/docs",
    Scalar({ url: "/openapi.json", pageTitle: "Tchat Edge API reference", cdn: "/vendor/scalar-api-reference.js" }),
  );
}

type OpenApiDocument = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/**
 * The document of what this deployment serves: an operation a development switch turns off answers
 * as an unknown path does, so it is not advertised either (production's names no dev endpoint).
 */
function servedOnly(document: OpenApiDocument, config: Config): OpenApiDocument {
  const paths: NonNullable<OpenApiDocument["paths"]> = {};
  const tagsOf = (item: NonNullable<OpenApiDocument["paths"]>[string]) =>
    METHODS.flatMap((method) => item[method]?.tags ?? []);
  const kept = new Set<string>();
  const dropped = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const off = switchedOff(config, path);
    for (const tag of tagsOf(item)) (off ? dropped : kept).add(tag);
    if (!off) paths[path] = item;
  }
  // A tag whose every operation is switched off (Dev) goes too.
  const tags = document.tags?.filter((tag) => kept.has(tag.name) || !dropped.has(tag.name));
  return { ...document, paths, tags };
}
