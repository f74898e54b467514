import type { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "../app-env";

const INFO = {
  title: "Tchat Edge API",
  version: "1.0.0",
  description:
    "Messaging-and-commerce API for South-East Asia. Errors are application/problem+json with a stable `code`; money is integer minor units; lists page with `?limit=&cursor=`.",
};

/** GET /openapi.json (OpenAPI 3.1, generated from the routes' zod schemas) and GET /docs. */
export function mountApiDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.doc31("/openapi.json", (c) => ({
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
  }));
  // The reference UI is served from our own assets (no CDN): /vendor/scalar-api-reference.js.
  // Its page boots with an inline script, so /docs alone gets a CSP that allows inline code.
  app.use("/docs", async (c, next) => {
    await next();
    c.res.headers.set(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'",
    );
  });
  app.get(
    "/docs",
    Scalar({ url: "/openapi.json", pageTitle: "Tchat Edge API reference", cdn: "/vendor/scalar-api-reference.js" }),
  );
}
