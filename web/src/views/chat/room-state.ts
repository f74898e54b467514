import type { Message, Outgoing } from "./room-socket";

// What a room shows, as plain data changed by pure functions (tested in Node): the messages held,
// oldest first, each once (by id, ordered by seq), the caller's sends still on their way, and the
// other members' receipt positions.

export interface Pending {
  outgoing: Outgoing;
  createdAt: string;
  /** The server's words when it refused the send. */
  failed?: string;
}

export interface Positions {
  delivered: number;
  read: number;
}

export interface RoomState {
  messages: Message[];
  pending: Pending[];
  receipts: Record<string, Positions>;
}

export const emptyRoom: RoomState = { messages: [], pending: [], receipts: {} };

/** Adds or replaces messages (same id: the newer copy wins), keeping seq order; a message ends its pending send. */
export function addMessages(state: RoomState, incoming: Message[], me: string): RoomState {
  if (incoming.length === 0) return state;
  const byId = new Map(state.messages.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  const arrived = new Set(incoming.filter((m) => m.senderId === me).map((m) => m.clientId));
  const messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
  const pending = arrived.size ? state.pending.filter((p) => !arrived.has(p.outgoing.clientId)) : state.pending;
  return { ...state, messages, pending };
}

/** An edit, a delete or a reaction: replaces the message if it is shown (older ones come with their page). */
export function updateMessage(state: RoomState, message: Message): RoomState {
  const index = state.messages.findIndex((m) => m.id === message.id);
  if (index < 0) return state;
  const messages = state.messages.slice();
  messages[index] = message;
  return { ...state, messages };
}

export function addPending(state: RoomState, outgoing: Outgoing, now: string): RoomState {
  return { ...state, pending: [...state.pending, { outgoing, createdAt: now }] };
}

export function failPending(state: RoomState, clientId: string, detail: string): RoomState {
  return {
    ...state,
    pending: state.pending.map((p) => (p.outgoing.clientId === clientId ? { ...p, failed: detail } : p)),
  };
}

export function dropPending(state: RoomState, clientId: string): RoomState {
  return { ...state, pending: state.pending.filter((p) => p.outgoing.clientId !== clientId) };
}

/** Receipt positions never move backwards; read implies delivered. */
export function addReceipt(state: RoomState, userId: string, seq: number, status: "delivered" | "read"): RoomState {
  const current = state.receipts[userId] ?? { delivered: 0, read: 0 };
  const read = status === "read" ? Math.max(current.read, seq) : current.read;
  const delivered = Math.max(current.delivered, seq, read);
  if (read === current.read && delivered === current.delivered) return state;
  return { ...state, receipts: { ...state.receipts, [userId]: { delivered, read } } };
}

export type Tick = "pending" | "sent" | "delivered" | "read";

/** ✓ sent, ✓✓ delivered, ✓✓ (read) once another member has read it. */
export function tickOf(state: RoomState, message: Message, me: string): Tick {
  let tick: Tick = "sent";
  for (const [userId, positions] of Object.entries(state.receipts)) {
    if (userId === me) continue;
    if (positions.read >= message.seq) return "read";
    if (positions.delivered >= message.seq) tick = "delivered";
  }
  return tick;
}

export function newestSeq(state: RoomState): number {
  return state.messages.length ? state.messages[state.messages.length - 1].seq : 0;
}

export function oldestSeq(state: RoomState): number | undefined {
  return state.messages[0]?.seq;
}
