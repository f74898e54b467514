export { adminRouter } from "./audit-events";

/** Administration that spans domains; each admin route calls the face of the domain it administers. */
