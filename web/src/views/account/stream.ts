import { useEffect, useState } from "preact/hooks";
import { ApiProblem, api, type Schemas, unwrap } from "../../api/client";
import { endSessionElsewhere, getSession, setSession } from "../../api/session";

// The signed-in reader's unread notification count, kept live by the per-user realtime stream
// (CONTRACT.md "Notifications": WebSocket /api/v1/realtime/ws with a ticket from
// POST /api/v1/realtime/tickets). One socket per page, shared by the bell and the notifications page.

export type Notification = Schemas["Notification"];

/** Close codes of the stream (workers/realtime/hub/frames.ts HUB_CLOSE) after which reconnecting is wrong. */
const REPLACED = 4009;
const SESSION_ENDED = 4401;
const ACCOUNT_CLOSED = 4403;
const PING_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;
const IDLE_TIMEOUT_MS = 2_000;

let count: number | null = null;
const countListeners = new Set<(count: number | null) => void>();
const arrivals = new Set<(notification: Notification) => void>();
let users = 0;
let socket: WebSocket | null = null;
let timers: ReturnType<typeof setTimeout>[] = [];
let failures = 0;
let stopped = true;

function setCount(next: number | null) {
  count = next;
  for (const listener of countListeners) listener(count);
}

/** The page changed the count itself (marked read): tell every view showing it. */
export function adjustUnread(change: (count: number) => number) {
  if (count !== null) setCount(Math.max(0, change(count)));
}

/** Reloads the count (after connecting, so whatever arrived while disconnected is counted). */
async function loadCount() {
  try {
    setCount((await unwrap(api.GET("/api/v1/notifications/unread-count"))).count);
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 401) setSession(null);
  }
}

function later(ms: number, task: () => void) {
  timers.push(setTimeout(task, ms));
}

/** Full jitter: a random wait up to an exponentially growing cap, so clients do not reconnect in step. */
function reconnectDelay(): number {
  return Math.random() * Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures);
}

async function connect() {
  if (stopped || !getSession()) return;
  let ticket: string;
  try {
    ticket = (await unwrap(api.POST("/api/v1/realtime/tickets"))).ticket;
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 401) return setSession(null);
    failures++;
    return later(reconnectDelay(), connect);
  }
  if (stopped) return;
  const url = new URL(`/api/v1/realtime/ws?ticket=${encodeURIComponent(ticket)}`, location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(url);
  socket = ws;
  const ping = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('{"type":"ping"}'), PING_MS);
  ws.onopen = () => {
    failures = 0;
    loadCount();
  };
  ws.onmessage = (event) => {
    const frame = JSON.parse(String(event.data)) as { type: string; notification?: Notification };
    // Signed out from another device (sessions list): say so, rather than failing the next request.
    if (frame.type === "session.revoked") return endSessionElsewhere();
    if (frame.type !== "notification" || !frame.notification) return;
    if (!frame.notification.read) adjustUnread((n) => n + 1);
    for (const listener of arrivals) listener(frame.notification);
  };
  ws.onclose = (event) => {
    clearInterval(ping);
    if (socket === ws) socket = null;
    if (stopped) return;
    if (event.code === SESSION_ENDED || event.code === ACCOUNT_CLOSED) return setSession(null);
    // Another tab of this browser (same device) took the stream over: it keeps it.
    if (event.code === REPLACED) return;
    failures++;
    later(reconnectDelay(), connect);
  };
}

/** Bumped by every start and stop, so a start still waiting for idle time after a stop does nothing. */
let generation = 0;

/**
 * Runs `task` once the page is idle (at most IDLE_TIMEOUT_MS later): the stream's ticket, count
 * and socket wait until the page has drawn itself, so they take no bandwidth or main thread from
 * the first paint on a slow phone.
 */
function whenIdle(task: () => void) {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number })
    .requestIdleCallback;
  if (idle) idle(task, { timeout: IDLE_TIMEOUT_MS });
  else later(IDLE_TIMEOUT_MS / 4, task);
}

function start() {
  stopped = false;
  failures = 0;
  const mine = ++generation;
  whenIdle(() => {
    if (stopped || mine !== generation) return;
    loadCount();
    connect();
  });
}

function stop() {
  generation++;
  stopped = true;
  for (const timer of timers) clearTimeout(timer);
  timers = [];
  socket?.close(1000);
  socket = null;
  setCount(null);
}

/** The unread count (null until known) while `active` (signed in); the stream runs while someone watches. */
export function useUnreadCount(active: boolean): number | null {
  const [value, setValue] = useState(count);
  useEffect(() => {
    if (!active) return;
    countListeners.add(setValue);
    if (users++ === 0) start();
    setValue(count);
    return () => {
      countListeners.delete(setValue);
      if (--users === 0) stop();
    };
  }, [active]);
  return active ? value : null;
}

/** Calls `listener` with each notification that arrives while the component is shown. */
export function useArrivals(listener: (notification: Notification) => void) {
  useEffect(() => {
    arrivals.add(listener);
    return () => {
      arrivals.delete(listener);
    };
  }, [listener]);
}
