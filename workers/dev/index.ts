/** Local development helpers: demo data and load-test endpoints (refused in production). */
export { benchRouter } from "./bench";
export { seedRouter } from "./seed";
