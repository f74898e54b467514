import { describe, expect, it } from "vitest";
import { call, expectJson } from "./helpers";

interface Doc {
  paths: Record<string, Record<string, { tags?: string[]; responses: Record<string, unknown> }>>;
}

describe("the OpenAPI document", () => {
  it("describes every chat and realtime endpoint", async () => {
    const doc = await expectJson<Doc>(await call("GET", "/openapi.json"), 200);
    const expected: [string, string, string[]][] = [
      ["/api/v1/dialogs", "post", ["200", "201", "401", "422"]],
      ["/api/v1/dialogs", "get", ["200", "401"]],
      ["/api/v1/dialogs/{id}", "get", ["200", "403", "404"]],
      ["/api/v1/dialogs/{id}", "patch", ["200", "403", "409"]],
      ["/api/v1/dialogs/{id}/members", "post", ["200", "403", "409"]],
      ["/api/v1/dialogs/{id}/members/{userId}", "delete", ["204", "403", "409"]],
      ["/api/v1/dialogs/{id}/members/{userId}", "patch", ["200", "409"]],
      ["/api/v1/dialogs/{id}/leave", "post", ["204", "409"]],
      ["/api/v1/dialogs/{id}/settings", "patch", ["200"]],
      ["/api/v1/shops/{id}/chat", "post", ["200", "201", "404", "409"]],
      ["/api/v1/dialogs/{id}/messages", "get", ["200", "403"]],
      ["/api/v1/dialogs/{id}/messages", "post", ["201", "403", "413", "422", "429"]],
      ["/api/v1/dialogs/{id}/messages/{messageId}", "patch", ["200", "403", "409"]],
      ["/api/v1/dialogs/{id}/messages/{messageId}", "delete", ["204", "403"]],
      ["/api/v1/dialogs/{id}/messages/{messageId}/reactions", "post", ["200"]],
      ["/api/v1/dialogs/{id}/messages/{messageId}/reactions/{emoji}", "delete", ["200"]],
      ["/api/v1/dialogs/{id}/messages/{messageId}/report", "post", ["202"]],
      ["/api/v1/dialogs/{id}/read", "post", ["200"]],
      ["/api/v1/dialogs/{id}/search", "get", ["200"]],
      ["/api/v1/dialogs/{id}/receipts", "get", ["200"]],
      ["/api/v1/dialogs/{id}/ws", "get", ["101", "401", "403", "426"]],
      ["/api/v1/realtime/tickets", "post", ["201", "401"]],
      ["/api/v1/users/{id}/presence", "get", ["200", "403"]],
      ["/api/v1/admin/chat/flags", "get", ["200", "403"]],
      ["/api/v1/admin/chat/flags/{id}/resolve", "post", ["200", "404"]],
    ];
    for (const [path, method, statuses] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(statuses));
    }
  });
});
