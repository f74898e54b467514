/** Every table, for drizzle-kit and tests. Domain code imports only its own file. */
export * from "./catalog";
export * from "./chat";
export * from "./dev";
export * from "./fx";
export * from "./identity";
export * from "./messaging";
export * from "./notifications";
export * from "./orders";
export * from "./payments";
export * from "./platform";
export * from "./privacy";
export * from "./realtime";
export * from "./recommendations";
export * from "./reviews";
export * from "./search";
export * from "./shops";
export * from "./wallet";
