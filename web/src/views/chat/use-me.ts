import { api, type Schemas, unwrap } from "../../api/client";
import { useSession } from "../../api/use-session";
import { type Loadable, useApi } from "../common/use-api";

/** The signed-in user (their id tells their own messages apart), reloaded when the session changes. */
export function useMe(): [Loadable<Schemas["User"] | null>, () => void] {
  const session = useSession();
  return useApi(async () => (session ? unwrap(api.GET("/api/v1/users/me")) : null), [session?.accessToken]);
}
