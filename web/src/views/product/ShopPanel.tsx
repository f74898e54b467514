import { useLocation } from "preact-iso";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../api/use-session";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";

/** The seller: name, country, verification, and a support chat with it (signing in first when needed). */
export function ShopPanel({ shopId }: { shopId: string }) {
  const { t } = useI18n();
  const { route, url } = useLocation();
  const signedIn = useSession() !== null;
  const [shop, reload] = useApi(
    () => unwrap(api.GET("/api/v1/shops/{id}", { params: { path: { id: shopId } } })),
    [shopId],
  );
  const signIn = () => route(`/signin?next=${encodeURIComponent(url)}`);
  // Opened, the page moves to the chat; an expired session: sign in again and come back here.
  const {
    busy: opening,
    problem,
    run,
  } = useAction({
    keepBusy: true,
    onProblem: (p) => {
      if (p.status === 401) signIn();
    },
  });
  const chat = async () => {
    if (!signedIn) return signIn();
    await run(async () => {
      const { dialogId } = await unwrap(api.POST("/api/v1/shops/{id}/chat", { params: { path: { id: shopId } } }));
      route(`/chat/${encodeURIComponent(dialogId)}`);
    });
  };
  return (
    <section aria-labelledby="shop-title" class="shop-panel" data-testid="shop">
      <h2 id="shop-title">{t("store.shop")}</h2>
      {shop.state === "loading" && <Loading />}
      {shop.state === "error" && <ProblemNotice problem={shop.problem} onRetry={reload} />}
      {shop.state === "ready" && (
        <>
          <p>
            <strong>{shop.data.name}</strong>
            {shop.data.verificationStatus === "verified" && <span class="verified"> ✓ {t("store.verified")}</span>}
          </p>
          {shop.data.description && <p class="status">{shop.data.description}</p>}
          <button type="button" onClick={chat} disabled={opening} aria-busy={opening}>
            {opening ? t("app.loading") : t("store.chatWithShop")}
          </button>
          {!signedIn && <p class="status">{t("store.chatSignIn")}</p>}
          {problem && <ProblemNotice problem={problem} />}
        </>
      )}
    </section>
  );
}
