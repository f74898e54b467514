import { render } from "preact";
import { App } from "./app";
import { initialLocale, loadCatalog } from "./i18n";
import "./styles.css";

// The reader's language is fetched before the first render (English is built in), so the app
// never flashes English at a Thai reader.
loadCatalog(initialLocale()).then(() => render(<App />, document.getElementById("app")!));
