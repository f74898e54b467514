export * from "./catalog";
export * from "./messaging";
export * from "./platform";
