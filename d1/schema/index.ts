export * from "./catalog";
export * from "./chat";
export * from "./identity";
export * from "./messaging";
export * from "./notifications";
export * from "./orders";
export * from "./platform";
