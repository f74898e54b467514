export * from "./catalog";
export * from "./identity";
export * from "./messaging";
export * from "./platform";
