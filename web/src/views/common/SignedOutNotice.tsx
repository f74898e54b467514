import { useEffect, useState } from "preact/hooks";
import { dismissSignedOutNotice, onSessionChange, signedOutElsewhere } from "../../api/session";
import { useI18n } from "../../i18n";

/** On every page: "you were signed out from another device", with the way back in, once it happened. */
export function SignedOutNotice() {
  const { t } = useI18n();
  const [shown, setShown] = useState(signedOutElsewhere);
  useEffect(() => onSessionChange(() => setShown(signedOutElsewhere())), []);
  if (!shown) return null;
  return (
    <div class="problem signed-out" role="alert" data-testid="signed-out-elsewhere">
      <p>{t("session.revokedElsewhere")}</p>
      <p class="row">
        <a href="/signin">{t("session.signInAgain")}</a>
        <button type="button" onClick={dismissSignedOutNotice}>
          {t("session.dismiss")}
        </button>
      </p>
    </div>
  );
}
