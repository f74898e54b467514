import type { Role } from "../schemas/identity";
import type { Locale } from "../schemas/platform";
import type { Config } from "./platform/config";

/** Hono's typing for this app: the Worker's bindings and what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: Config;
    /** A page's own Content-Security-Policy (the API reference's), set on its answer instead of the global one. */
    contentSecurityPolicy?: string;
    /** Set by the auth middleware once a bearer token is verified and its session is live. */
    userId?: string;
    auth?: { userId: string; sessionId: string; roles: Role[]; locale: Locale; mfa: boolean };
  };
}
