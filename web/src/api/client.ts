import createClient, { type Middleware } from "openapi-fetch";
import type { Locale } from "../i18n/locales";
import { freshSession, refreshAfterRejection } from "./refresh";
import type { components, paths } from "./schema";
import { getCartToken, setCartToken } from "./session";

// The one way the web app talks to the API: typed by the contract (schema.d.ts is generated from
// the snapshot of /openapi.json that test/web/openapi-snapshot.test.ts keeps equal to the live one).

export type Schemas = components["schemas"];

/** An API error, application/problem+json (CONTRACT.md): `detail` is written for the person reading it. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: { path: string; message: string }[];
  readonly requestId?: string;

  constructor(body: ProblemBody) {
    super(body.detail ?? body.title ?? `HTTP ${body.status}`);
    this.status = body.status;
    this.code = body.code ?? "error";
    this.detail = body.detail ?? body.title ?? `HTTP ${body.status}`;
    this.errors = body.errors ?? [];
    this.requestId = body.requestId;
  }

  /** The server's message about one field (`errors[].path`), for showing under that field. */
  fieldDetail(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }
}

/** Whatever a failed call threw, as a problem to show: the server's, or a network error's words. */
export function asProblem(err: unknown): ApiProblem {
  return err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) });
}

let locale: Locale = "en";

/** The language sent as Accept-Language (the API localizes names and error details by it). */
export function setApiLocale(next: Locale) {
  locale = next;
}

const headers: Middleware = {
  async onRequest({ request }) {
    request.headers.set("Accept-Language", locale);
    const session = await freshSession(request.url);
    if (session && !request.headers.has("Authorization")) {
      request.headers.set("Authorization", `Bearer ${session.accessToken}`);
    }
    const cart = getCartToken();
    if (cart) request.headers.set("X-Cart-Token", cart);
    return request;
  },
  onResponse({ response }) {
    // The server names (or renames) the guest cart on any answer; keep the latest for the next request.
    const cart = response.headers.get("X-Cart-Token");
    if (cart) setCartToken(cart);
    return response;
  },
};

/**
 * fetch, asked once more with a refreshed token when the server answers 401 to a bearer token the
 * client still thought valid: an open page (a chat room left for the night) keeps working instead of
 * turning into errors. The request is copied before it is sent, as a body can be read only once.
 */
async function fetchRefreshing(request: Request): Promise<Response> {
  const auth = request.headers.get("Authorization");
  const copy = auth?.startsWith("Bearer ") ? request.clone() : null;
  const response = await fetch(request);
  if (response.status !== 401 || !copy || !auth) return response;
  const session = await refreshAfterRejection(auth.slice("Bearer ".length));
  if (!session || `Bearer ${session.accessToken}` === auth) return response;
  copy.headers.set("Authorization", `Bearer ${session.accessToken}`);
  return fetch(copy);
}

export const api = createClient<paths>({ baseUrl: "", fetch: fetchRefreshing });
api.use(headers);

/**
 * The data of an answer, or an ApiProblem carrying the server's `detail`. A network failure
 * (offline, server down) becomes a problem too, so views have one error shape to show.
 */
export async function unwrap<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (err) {
    throw new ApiProblem({ status: 0, code: "network", detail: err instanceof Error ? err.message : String(err) });
  }
  const { data, error, response } = result;
  if (response.ok && data !== undefined) return data as NonNullable<T>;
  const body = (typeof error === "object" && error ? error : {}) as Partial<ProblemBody>;
  throw new ApiProblem({ ...body, status: response.status });
}

/** For answers without a body (204, 202 with none): resolves when the server said yes, else an ApiProblem. */
export async function unwrapEmpty(pending: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  let result: { error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (err) {
    throw new ApiProblem({ status: 0, code: "network", detail: err instanceof Error ? err.message : String(err) });
  }
  if (result.response.ok) return;
  const body = (typeof result.error === "object" && result.error ? result.error : {}) as Partial<ProblemBody>;
  throw new ApiProblem({ ...body, status: result.response.status });
}
