import type { Context } from "hono";
import type { AppEnv } from "../app-env";

/**
 * A browser loading a page (a typed or followed link, not the app's own fetches) at a path nothing
 * serves gets the web app's shell with status 404, so the person sees the app's "page not found"
 * in their language with a way home instead of a JSON document. API paths, and every request that
 * is not a page load (API clients, probes, scanners), keep the problem+json 404.
 */
export function isPageLoad(request: Request, path: string): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (path.startsWith("/api/")) return false;
  const mode = request.headers.get("Sec-Fetch-Mode");
  if (mode !== null) return mode === "navigate";
  // Browsers without Fetch Metadata: a page load asks for HTML first.
  return (request.headers.get("Accept") ?? "").startsWith("text/html");
}

/** The app's shell as a 404 (undefined when the assets cannot give it: the caller answers problem+json). */
export async function pageNotFound(c: Context<AppEnv>): Promise<Response | undefined> {
  const shell = await c.env.ASSETS.fetch(new URL("/", c.req.url));
  if (!shell.ok) return undefined;
  return new Response(c.req.method === "HEAD" ? null : shell.body, {
    status: 404,
    headers: {
      "Content-Type": shell.headers.get("Content-Type") ?? "text/html; charset=utf-8",
      "Cache-Control": "no-store",
    },
  });
}
