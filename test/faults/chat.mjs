// Chat under kills: one group dialog; A sends over HTTP, B over a WebSocket, C watches on a socket
// that resumes with ?since=<last seq seen>. Every message keeps its clientId across retries.
// Checks: every acknowledged message is in the history once, with the seq it was acknowledged
// with; every message is acknowledged in the end; seq has no gaps; C saw every seq once, in order.
import { signUp, sleep } from "./client.mjs";

const PER_ROUND = { http: 6, socket: 6 };

/** Opens a dialog socket with a fresh ticket (the server may be down: the ticket call waits for it). */
async function openSocket(http, dialogId, who, since) {
  const ticket = await http.expect(201, "POST", "/api/v1/realtime/tickets", who);
  const url = new URL(`${http.base.replace(/^http/, "ws")}/api/v1/dialogs/${dialogId}/ws`);
  url.searchParams.set("ticket", ticket.json.ticket);
  if (since !== undefined) url.searchParams.set("since", String(since));
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", () => reject(new Error("socket did not open")), { once: true });
  });
  const closed = new Promise((resolve) => ws.addEventListener("close", resolve, { once: true }));
  return { ws, closed };
}

export function chatScenario({ http }) {
  const sent = new Map(); // clientId → { via, text, ack?: { seq, id } }
  const httpQueue = [];
  const socketQueue = [];
  const watch = { last: 0, gaps: [], repeats: [], reconnects: 0 };
  const unexpected = [];
  let socketRateLimited = 0;
  let done = false;
  let watching = true;
  let watchUntil = Number.POSITIVE_INFINITY;
  let dialogId;
  let users;
  const workers = [];

  function queueMessages(round) {
    for (const [via, count, queue] of [
      ["http", PER_ROUND.http, httpQueue],
      ["socket", PER_ROUND.socket, socketQueue],
    ]) {
      for (let i = 0; i < count; i++) {
        const clientId = `r${round}-${via}-${i}-${crypto.randomUUID().slice(0, 8)}`;
        sent.set(clientId, { via, text: `round ${round} ${via} #${i}` });
        queue.push(clientId);
      }
    }
  }

  /** A sends each message over HTTP until it is answered (201, or 200 for a clientId it already sent). */
  async function httpSender() {
    while (!done || httpQueue.length > 0) {
      const clientId = httpQueue.shift();
      if (!clientId) {
        await sleep(50);
        continue;
      }
      const body = { clientId, kind: "text", text: sent.get(clientId).text };
      const res = await http.call("POST", `/api/v1/dialogs/${dialogId}/messages`, users.a, body);
      if (res.status === 201 || res.status === 200) sent.get(clientId).ack = { seq: res.json.seq, id: res.json.id };
      else unexpected.push(`HTTP send ${clientId}: ${res.status} ${res.text.slice(0, 200)}`);
    }
  }

  /** B sends over its socket; after a drop it reconnects and sends every unacknowledged message again. */
  async function socketSender() {
    const unacked = new Set();
    while (!done || socketQueue.length > 0 || unacked.size > 0) {
      let socket;
      try {
        socket = await openSocket(http, dialogId, users.b);
      } catch {
        await sleep(300);
        continue;
      }
      socket.ws.addEventListener("message", (e) => {
        const frame = JSON.parse(String(e.data));
        if (frame.type === "ack" && unacked.has(frame.clientId)) {
          unacked.delete(frame.clientId);
          sent.get(frame.clientId).ack = { seq: frame.message.seq, id: frame.message.id };
        } else if (frame.type === "error" && frame.code === "rate_limited" && unacked.has(frame.clientId)) {
          // A good app waits as told and sends the same clientId again (a reconnect resends it too).
          socketRateLimited += 1;
          setTimeout(() => open && unacked.has(frame.clientId) && send(frame.clientId), (frame.retryAfter ?? 1) * 1000);
        } else if (frame.type === "error") unexpected.push(`socket error frame: ${JSON.stringify(frame)}`);
      });
      const send = (clientId) =>
        socket.ws.send(JSON.stringify({ type: "send", clientId, kind: "text", text: sent.get(clientId).text }));
      for (const clientId of unacked) send(clientId);
      let open = true;
      socket.closed.then(() => (open = false));
      while (open && (!done || socketQueue.length > 0 || unacked.size > 0)) {
        const clientId = socketQueue.shift();
        if (clientId) {
          unacked.add(clientId);
          send(clientId);
        } else await sleep(50);
      }
      if (open) socket.ws.close();
    }
  }

  /** C follows the dialog live; after a drop it resumes from the last seq it saw. */
  async function watcher() {
    while ((watching || watch.last < lastAcknowledgedSeq()) && Date.now() < watchUntil) {
      let socket;
      try {
        socket = await openSocket(http, dialogId, users.c, watch.last);
      } catch {
        await sleep(300);
        continue;
      }
      watch.reconnects += 1;
      socket.ws.addEventListener("message", (e) => {
        const frame = JSON.parse(String(e.data));
        if (frame.type !== "message") return;
        const seq = frame.message.seq;
        if (seq <= watch.last) watch.repeats.push(seq);
        else {
          if (seq !== watch.last + 1) watch.gaps.push(`${watch.last + 1}..${seq - 1}`);
          watch.last = seq;
        }
      });
      await Promise.race([
        socket.closed,
        waitFor(() => (!watching && watch.last >= lastAcknowledgedSeq()) || Date.now() > watchUntil),
      ]);
      socket.ws.close();
    }
  }

  const lastAcknowledgedSeq = () => Math.max(0, ...[...sent.values()].map((m) => m.ack?.seq ?? 0));

  async function waitFor(condition) {
    while (!condition()) await sleep(100);
  }

  return {
    name: "chat",
    async setup() {
      users = { a: await signUp(http, "Chat A"), b: await signUp(http, "Chat B"), c: await signUp(http, "Chat C") };
      const dialog = await http.expect(201, "POST", "/api/v1/dialogs", users.a, {
        type: "group",
        name: "Fault injection",
        participantIds: [users.b.userId, users.c.userId],
      });
      dialogId = dialog.json.id;
      workers.push(httpSender(), socketSender(), watcher());
    },
    round(i) {
      queueMessages(i);
    },
    async settle() {
      done = true;
      await Promise.all(workers.slice(0, 2));
      // Only now is the last seq known: the watcher follows until it has seen it.
      watching = false;
      watchUntil = Date.now() + 30_000;
      await workers[2];
    },
    async check() {
      const failures = [...unexpected];
      const history = (await http.all(`/api/v1/dialogs/${dialogId}/messages`, users.a)).sort((x, y) => x.seq - y.seq);
      history.forEach((m, i) => {
        if (m.seq !== i + 1) failures.push(`history: seq ${m.seq} at position ${i + 1} (gap or repeat)`);
      });
      const byClientId = new Map();
      for (const m of history) byClientId.set(m.clientId, [...(byClientId.get(m.clientId) ?? []), m]);
      let acknowledged = 0;
      for (const [clientId, msg] of sent) {
        const stored = byClientId.get(clientId) ?? [];
        if (msg.ack) acknowledged += 1;
        else failures.push(`${clientId} (${msg.via}) was never acknowledged`);
        if (stored.length > 1)
          failures.push(`${clientId} stored ${stored.length} times (seq ${stored.map((m) => m.seq)})`);
        if (msg.ack && stored.length === 0) failures.push(`${clientId} acknowledged as seq ${msg.ack.seq} but lost`);
        if (msg.ack && stored.length === 1 && stored[0].seq !== msg.ack.seq) {
          failures.push(`${clientId} acknowledged as seq ${msg.ack.seq}, stored as ${stored[0].seq}`);
        }
      }
      const strangers = history.filter((m) => !sent.has(m.clientId)).length;
      if (strangers > 0) failures.push(`${strangers} messages in the history nobody sent`);
      if (watch.gaps.length) failures.push(`the watching socket missed seq ${watch.gaps.join(", ")}`);
      if (watch.last < (history.at(-1)?.seq ?? 0)) failures.push(`the watching socket stopped at seq ${watch.last}`);
      if (watch.repeats.length) failures.push(`the watching socket got seq ${watch.repeats.join(", ")} twice`);
      return {
        failures,
        counts: {
          sent: sent.size,
          acknowledged,
          stored: history.length,
          lastSeq: history.at(-1)?.seq ?? 0,
          watcherLastSeq: watch.last,
          watcherReconnects: watch.reconnects,
          socketRateLimited,
        },
      };
    },
  };
}
