import type { MemberRole } from "../../../schemas/chat";
import type { ChatConfig } from "../../platform/config";
import type { ContentCache } from "./content";
import type { PresentContext } from "./present";
import type { SenderLeases } from "./sender-limit";
import type { RoomSockets } from "./sockets";
import type { MemberRow, MetaRow } from "./store";
import type { Failure } from "./types";

export type Guarded = { ok: true; meta: MetaRow; member: MemberRow };

/**
 * What the room's logic modules (send, edits, members, receipts, sockets) use of the one Room
 * (room.ts): its storage, configuration, caches, sockets and alarm. Built once per object.
 */
export interface RoomCore {
  ctx: DurableObjectState;
  sql: SqlStorage;
  env: Env;
  config: ChatConfig;
  cache: ContentCache;
  live: RoomSockets;
  /** Send times per user in the current window (rate limit; in memory, like any rate window). */
  sendLog: Map<string, number[]>;
  /** The room's leases of its senders' cross-dialog send limit (sender-limit.ts). */
  senderLeases: SenderLeases;
  meta(): MetaRow | null;
  /** The room's meta and the caller's membership, or forbidden / not_initialized. Writes nothing. */
  guard(userId: string): Guarded | Failure;
  /**
   * Records the public origin the caller reached the API at, for links in frames sent later to
   * every socket (media and card URLs). Only writes call it: reading the room changes nothing.
   */
  noteOrigin(origin: string): void;
  memberIds(): string[];
  /** A member's role, or undefined for a non-member (kept in memory: forgetMembers after a change). */
  roleOf(userId: string): MemberRole | undefined;
  /** The members with no socket on the room right now. */
  offlineMembers(): readonly string[];
  /** Members or roles changed in storage: read them again. */
  forgetMembers(): void;
  /** How rows become Messages; links use `origin` (the caller's), else the one last noted. */
  present(origin?: string): PresentContext;
  /** D1 side effects were queued: write them soon. */
  flushSoon(now: number): void;
  /** A socket opened: make sure heartbeats run. */
  heartbeatSoon(now: number): void;
}
