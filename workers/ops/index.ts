export { deadLettersRouter } from "./dead-letters";
export { mountApiDocs } from "./docs";
export { healthRouter } from "./health";
export { readyRouter } from "./ready";

/** Operations: liveness, readiness, the API reference, dead letters. */
