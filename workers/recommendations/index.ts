import { createRouter } from "../platform/openapi";
import { boughtTogetherHandler, boughtTogetherRoute } from "./routes/bought-together";
import { forYouHandler, forYouRoute } from "./routes/for-you";
import { similarHandler, similarRoute } from "./routes/similar";
import { trendingHandler, trendingRoute } from "./routes/trending";
import { recordViewHandler, recordViewRoute } from "./routes/view-record";

export { productViewErasureWrites, productViewsOf } from "./personal-data";
export { recentViewers } from "./recent-viewers";

/** Trending, similar, bought together, for you; and the product views they learn from. Tunables: rules.ts. */
export const recommendationsRouter = createRouter()
  .openapi(trendingRoute, trendingHandler)
  .openapi(forYouRoute, forYouHandler)
  .openapi(similarRoute, similarHandler)
  .openapi(boughtTogetherRoute, boughtTogetherHandler)
  .openapi(recordViewRoute, recordViewHandler);
