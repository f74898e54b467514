import { AsyncLocalStorage } from "node:async_hooks";
import { newId } from "./ids";

/**
 * The request a piece of work belongs to, without threading it through every call: the HTTP
 * request (X-Request-ID), the queue message's event (its envelope's requestId), the cron run, or a
 * socket frame. Events created inside carry it (createEvent), and so do log lines (logEvent), so one
 * id follows a request through queues and objects. Durable Objects run in their own context: their
 * callers hand the id over in the RPC input, and the object's entry points run inside it.
 */
const context = new AsyncLocalStorage<{ requestId: string }>();

export function withRequestId<T>(requestId: string, work: () => T): T {
  return context.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

/**
 * The current request's id, or a fresh one for work that starts on its own (a cron run, an alarm
 * with nothing recorded, a test calling a domain function directly).
 */
export function requestIdOrNew(): string {
  return currentRequestId() ?? newId("req");
}

/**
 * The request context handed to a Durable Object's RPC method (the object runs outside the caller's
 * context): callers pass `rpcTrace()` as the method's last argument, and the object's shell runs the
 * method inside it with `traced`, so events the object creates carry the caller's request id.
 */
export interface RpcTrace {
  requestId?: string;
}

export function rpcTrace(): RpcTrace {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}

/** Runs an object's method in its caller's request context (a fresh id when none was handed over). */
export function traced<T>(trace: RpcTrace | undefined, work: () => T): T {
  const requestId = trace?.requestId;
  return withRequestId(
    typeof requestId === "string" && requestId.length > 0 && requestId.length <= 128 ? requestId : newId("req"),
    work,
  );
}
