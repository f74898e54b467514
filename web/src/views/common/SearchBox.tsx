import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";

const DEBOUNCE_MS = 200;
const LIST_ID = "search-suggestions";

/** The API's completions of `value`, asked for once typing pauses; a late answer for older text is dropped. */
function useSuggestions(value: string, pageQuery: string): string[] {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const typed = useRef(0);
  useEffect(() => {
    const prefix = value.trim();
    const mine = ++typed.current;
    if (!prefix || prefix === pageQuery) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(() => {
      unwrap(api.GET("/api/v1/search/autocomplete", { params: { query: { q: prefix } } })).then(
        (result) => mine === typed.current && setSuggestions(result.suggestions),
        // Suggestions are a help, not the search: on failure the box simply offers none.
        () => mine === typed.current && setSuggestions([]),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, pageQuery]);
  return suggestions;
}

/**
 * The header's search box with suggestions as the reader types, an ARIA 1.2 combobox: the arrows
 * move through the list, Enter picks, Escape closes, and the number of suggestions is announced.
 */
export function SearchBox() {
  const { t } = useI18n();
  const { route, path, query } = useLocation();
  const pageQuery = path === "/search" ? (query.q ?? "") : "";
  const [value, setValue] = useState(pageQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useSuggestions(value, pageQuery);
  const expanded = open && suggestions.length > 0;

  // A new page's query replaces the box's text; typing is left alone until then.
  useEffect(() => {
    setValue(pageQuery);
    setOpen(false);
  }, [path, pageQuery]);
  useEffect(() => setActive(-1), [suggestions]);

  const go = (q: string) => {
    setValue(q);
    setOpen(false);
    const params = new URLSearchParams(path === "/search" ? query : {});
    // New words start again from the first page, keeping the reader's filters and sort.
    params.delete("pages");
    if (q.trim()) params.set("q", q.trim());
    else params.delete("q");
    const search = params.toString();
    route(search ? `/search?${search}` : "/search");
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const n = suggestions.length;
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && n > 0) {
      event.preventDefault();
      setOpen(true);
      const down = event.key === "ArrowDown";
      if (!expanded) setActive(down ? 0 : n - 1);
      else setActive((i) => (down ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
    } else if (event.key === "Escape") {
      if (expanded) event.preventDefault();
      setOpen(false);
    } else if (event.key === "Enter" && expanded && active >= 0 && active < n) {
      event.preventDefault();
      go(suggestions[active]);
    }
  };

  return (
    <search class="search">
      <form
        action="/search"
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          go(value);
        }}
      >
        <label class="visually-hidden" for="search-q">
          {t("nav.search")}
        </label>
        <input
          id="search-q"
          name="q"
          // A text box with the combobox role (ARIA 1.2); the phone keyboard still offers "search".
          type="text"
          inputMode="search"
          enterKeyHint="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={LIST_ID}
          aria-activedescendant={expanded && active >= 0 ? `${LIST_ID}-${active}` : undefined}
          value={value}
          onInput={(e) => {
            setValue((e.currentTarget as HTMLInputElement).value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          placeholder={t("nav.searchPlaceholder")}
          autoComplete="off"
        />
        <button type="submit">{t("nav.searchSubmit")}</button>
        <SuggestionList suggestions={suggestions} expanded={expanded} active={active} onPick={go} />
      </form>
    </search>
  );
}

function SuggestionList(props: {
  suggestions: string[];
  expanded: boolean;
  active: number;
  onPick: (s: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <div id={LIST_ID} role="listbox" aria-label={t("store.suggestions")} class="suggestions" hidden={!props.expanded}>
        {props.suggestions.map((s, i) => (
          <div
            key={s}
            id={`${LIST_ID}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === props.active}
            // mousedown, not click: the box keeps its focus, so its blur does not close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              props.onPick(s);
            }}
          >
            {s}
          </div>
        ))}
      </div>
      <span class="visually-hidden" role="status" aria-live="polite">
        {props.expanded ? t("store.suggestionCount", { count: props.suggestions.length }) : ""}
      </span>
    </>
  );
}
