import { ErrorBoundary, LocationProvider, Route, Router } from "preact-iso";
import { I18nProvider, useI18n } from "./i18n";
import { ROUTES } from "./routes";
import { Header } from "./views/common/Header";
import { NotFound } from "./views/common/NotFound";
import { SignedOutNotice } from "./views/common/SignedOutNotice";

function Shell() {
  const { t } = useI18n();
  return (
    <>
      <a class="skip" href="#main">
        {t("app.skip")}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <SignedOutNotice />
        <ErrorBoundary>
          <Router>
            {[
              ...ROUTES.map((r) => <Route key={r.path} path={r.path} component={r.view} />),
              <Route key="*" default component={NotFound} />,
            ]}
          </Router>
        </ErrorBoundary>
      </main>
    </>
  );
}

export function App() {
  return (
    <LocationProvider>
      <I18nProvider>
        <Shell />
      </I18nProvider>
    </LocationProvider>
  );
}
