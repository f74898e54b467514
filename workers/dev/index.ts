export { benchRouter } from "./bench";
export { seedRouter } from "./seed";

/** Local development helpers: demo data and load-test endpoints (refused in production). */
