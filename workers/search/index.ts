import { createRouter } from "../platform/openapi";
import { autocompleteHandler, autocompleteRoute } from "./routes/autocomplete";
import { reindexHandler, reindexRoute } from "./routes/reindex";
import { searchHandler, searchRoute } from "./routes/search";
import { createSynonymHandler, createSynonymRoute } from "./routes/synonyms-create";
import { deleteSynonymHandler, deleteSynonymRoute } from "./routes/synonyms-delete";
import { listSynonymsHandler, listSynonymsRoute } from "./routes/synonyms-list";

export { searchIndexConsumer } from "./indexer";
export { seedSynonyms } from "./synonyms";

export const searchRouter = createRouter()
  .openapi(searchRoute, searchHandler)
  .openapi(autocompleteRoute, autocompleteHandler)
  .openapi(listSynonymsRoute, listSynonymsHandler)
  .openapi(createSynonymRoute, createSynonymHandler)
  .openapi(deleteSynonymRoute, deleteSynonymHandler)
  .openapi(reindexRoute, reindexHandler);
