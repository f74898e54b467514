import { useState } from "preact/hooks";
import { api, type Schemas, unwrap, unwrapEmpty } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { AddressForm } from "./AddressForm";
import { useRowAction } from "./row-action";

type Address = Schemas["Address"];

/** Every page of the caller's addresses (an account has a handful; the API pages them anyway). */
async function allAddresses(): Promise<Address[]> {
  const items: Address[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET("/api/v1/users/me/addresses", { params: { query: { limit: 50, cursor } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The address book: list, add, edit, delete, choose the default. */
export function Addresses() {
  const { t } = useI18n();
  const [list, reload] = useApi(allAddresses, []);
  const [editing, setEditing] = useState<string | null>(null);
  const { busy, problem, act } = useRowAction(reload);
  const remove = (a: Address) =>
    act(a.id, () => unwrapEmpty(api.DELETE("/api/v1/users/me/addresses/{id}", { params: { path: { id: a.id } } })));
  const makePrimary = (a: Address) =>
    act(a.id, () =>
      unwrap(
        api.PATCH("/api/v1/users/me/addresses/{id}", { params: { path: { id: a.id } }, body: { isPrimary: true } }),
      ),
    );
  const saved = () => {
    setEditing(null);
    reload();
  };

  return (
    <section class="card-section" aria-labelledby="addresses-title" aria-busy={busy !== null}>
      <h2 id="addresses-title">{t("account.address.title")}</h2>
      {list.state === "loading" && <Loading />}
      {list.state === "error" && <ProblemNotice problem={list.problem} onRetry={reload} />}
      {problem && <ProblemNotice problem={problem} />}
      {list.state === "ready" && list.data.length === 0 && <p class="muted">{t("account.address.none")}</p>}
      {list.state === "ready" && (
        <ul class="plain" data-testid="addresses">
          {list.data.map((a) =>
            editing === a.id ? (
              <li key={a.id}>
                <AddressForm address={a} onDone={saved} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={a.id} class="item">
                <p>
                  <strong>{a.label ?? a.recipientName}</strong>
                  {a.isPrimary && <span class="badge">{t("account.address.isPrimary")}</span>}
                </p>
                <p class="muted">
                  {[a.recipientName, a.phone, a.street, a.city, a.province, a.postalCode, a.country].join(", ")}
                </p>
                <div class="row">
                  <button type="button" onClick={() => setEditing(a.id)} disabled={busy !== null}>
                    {t("account.edit")}
                  </button>
                  {!a.isPrimary && (
                    <button type="button" onClick={() => makePrimary(a)} disabled={busy !== null}>
                      {t("account.address.makePrimary")}
                    </button>
                  )}
                  <button type="button" class="danger" onClick={() => remove(a)} disabled={busy !== null}>
                    {busy === a.id ? t("account.busy") : t("account.delete")}
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {editing === "new" ? (
        <AddressForm onDone={saved} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing("new")}>
          {t("account.address.add")}
        </button>
      )}
    </section>
  );
}
