import type { z } from "zod";
import type { MemberRole } from "../../../schemas/chat";
import { type ChatConfig, readConfig } from "../../platform/config";
import { migrateObject } from "../../platform/object-schema";
import { parseRpcInput } from "../../platform/rpc-input";
import { RoomBackground } from "./background";
import { failureResponse, openSocket } from "./connect";
import { ContentCache } from "./content";
import type { RoomCore } from "./core";
import { edit, react, remove } from "./edits";
import { onSocketMessage, PING, PONG } from "./frames";
import {
  AddMembersInput,
  CloseUserSocketsInput,
  EditInput,
  MemberInput,
  MessageInput,
  PageInput,
  ReactInput,
  ReceiptInput,
  RemoveMemberInput,
  RenameInput,
  SearchInput,
  SendInput,
  SetRoleInput,
  SnapshotInput,
  SocketRequestInput,
  TransferRefreshInput,
} from "./inputs";
import { addMembers, removeMember, rename, setRole } from "./members";
import {
  EraseSenderInput,
  eraseSender,
  ResealInput,
  reseal,
  SealedPageInput,
  SentByInput,
  sealedPage,
  sentBy,
} from "./personal-data";
import { presenceChanged } from "./presence";
import type { PresentContext } from "./present";
import { history, info, reportable, role, search } from "./reads";
import { applyReceipt, receiptList } from "./receipts";
import { roomMigrations } from "./schema";
import { acceptSend } from "./send";
import { SenderLeases } from "./sender-limit";
import { SOCKET_HEADERS } from "./socket-headers";
import { RoomSockets } from "./sockets";
import { initRoom, type MemberRow, type MetaRow, readMember, readMeta } from "./store";
import { refreshTransferCards } from "./transfer-refresh";
import { type Failure, fail, NOT_MEMBER, notInitialized } from "./types";

/**
 * One dialog, as its ChatRoom object runs it: its members (authorization happens here), its
 * messages ordered by a per-dialog `seq` in the object's SQLite storage, receipts, typing, presence
 * and live sockets (WebSocket Hibernation: idle rooms are evicted from memory while their sockets
 * stay open; the constructor runs again on wake and rebuilds everything from storage and socket
 * attachments). Design: docs/chat.md.
 *
 * Every method checks its input against its schema (inputs.ts) and answers a domain outcome;
 * writes that must be atomic (taking a clientId, the next seq, a reaction) happen with no `await`
 * between their read and their write. Slow work (crypto, D1 reads of media and live cards) happens
 * before that synchronous step, and the fan-out to sockets happens inside it, so sockets see
 * messages in seq order.
 */
export class Room {
  readonly live: RoomSockets;
  private readonly sql: SqlStorage;
  private readonly config: ChatConfig;
  private readonly cache = new ContentCache();
  private readonly background: RoomBackground;
  private readonly core: RoomCore;
  private metaRow: MetaRow | null = null;
  /** Members and roles, read once and kept until a membership or role change (forgetMembers). */
  private memberList: { ids: string[]; roles: Map<string, MemberRole> } | null = null;
  /** The members with no socket here, for the socket set it was derived from. */
  private offline: { sockets: number; ids: string[] } | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    this.sql = ctx.storage.sql;
    this.config = readConfig(env).chat;
    // Pings are answered by the runtime without waking a hibernated room.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    migrateObject(ctx, roomMigrations(env));
    this.live = new RoomSockets(ctx, (userId) => {
      presenceChanged(this.core, userId, false, Date.now());
      // Gone from this room: the slots it leased for them may serve their other rooms.
      this.core.senderLeases.release(userId);
    });
    this.background = new RoomBackground({
      ctx,
      env,
      sql: this.sql,
      config: this.config,
      meta: () => this.meta(),
      setMeta: (patch) => this.setMeta(patch),
      sockets: () => this.live.all(),
      drop: (ws, code, reason) => this.live.close(ws, code, reason),
    });
    this.core = {
      ctx,
      sql: this.sql,
      env,
      config: this.config,
      cache: this.cache,
      live: this.live,
      sendLog: new Map(),
      senderLeases: new SenderLeases(env, this.config),
      meta: () => this.meta(),
      guard: (userId) => this.guard(userId),
      noteOrigin: (origin) => {
        if (origin && origin !== this.meta()?.origin) this.setMeta({ origin });
      },
      memberIds: () => this.members().ids,
      roleOf: (userId) => this.members().roles.get(userId),
      offlineMembers: () => this.offlineMembers(),
      forgetMembers: () => this.forgetMembers(),
      present: (origin) => this.present(origin),
      flushSoon: (now) => this.background.flushSoon(now),
      heartbeatSoon: (now) => this.background.heartbeatSoon(now),
    };
  }

  // ------------------------------------------------------------------ set-up and reads

  /** Tells the room its dialog and members. The first call wins; later ones change nothing. */
  init(input: SnapshotInput) {
    const p = parse(SnapshotInput, input);
    if (!p.ok) return p;
    const created = initRoom(this.sql, p.value);
    this.metaRow = null;
    this.forgetMembers();
    return { ok: true as const, created };
  }

  info() {
    return info(this.core);
  }

  role(input: MemberInput) {
    const p = parse(MemberInput, input);
    return p.ok ? role(this.core, p.value.userId) : p;
  }

  async history(input: PageInput) {
    const p = parse(PageInput, input);
    return p.ok ? history(this.core, p.value) : p;
  }

  receipts(input: MemberInput) {
    const p = parse(MemberInput, input);
    return p.ok ? receiptList(this.core, p.value.userId) : p;
  }

  reportable(input: MessageInput) {
    const p = parse(MessageInput, input);
    return p.ok ? reportable(this.core, p.value) : p;
  }

  async search(input: SearchInput) {
    const p = parse(SearchInput, input);
    return p.ok ? search(this.core, p.value) : p;
  }

  // ------------------------------------------------------------------ messages and receipts

  async send(input: SendInput) {
    const p = parse(SendInput, input);
    return p.ok ? acceptSend(this.core, p.value.senderId, p.value.message, p.value.origin, null) : p;
  }

  async edit(input: EditInput) {
    const p = parse(EditInput, input);
    return p.ok ? edit(this.core, p.value.userId, p.value.messageId, p.value.text, p.value.origin) : p;
  }

  /** Soft delete by its sender (or an admin of a group or channel). Deleting twice is fine. */
  remove(input: MessageInput) {
    const p = parse(MessageInput, input);
    return p.ok ? remove(this.core, p.value.userId, p.value.messageId) : p;
  }

  async react(input: ReactInput) {
    const p = parse(ReactInput, input);
    if (!p.ok) return p;
    const { userId, messageId, emoji, add, origin } = p.value;
    return react(this.core, userId, messageId, emoji, add, origin);
  }

  receipt(input: ReceiptInput) {
    const p = parse(ReceiptInput, input);
    return p.ok ? applyReceipt(this.core, p.value) : p;
  }

  /** A transfer's status changed: its cards here go out again as `updated` (transfer-refresh.ts). */
  async refreshTransfer(input: TransferRefreshInput) {
    const p = parse(TransferRefreshInput, input);
    return p.ok ? refreshTransferCards(this.core, p.value.transferId) : p;
  }

  // ------------------------------------------------------------------ membership (members.ts)

  addMembers(input: AddMembersInput) {
    const p = parse(AddMembersInput, input);
    return p.ok ? addMembers(this.core, p.value.actorId, p.value.userIds) : p;
  }

  /** An admin removes someone, or someone leaves (actor = user). */
  removeMember(input: RemoveMemberInput) {
    const p = parse(RemoveMemberInput, input);
    return p.ok ? removeMember(this.core, p.value.actorId, p.value.userId) : p;
  }

  setRole(input: SetRoleInput) {
    const p = parse(SetRoleInput, input);
    return p.ok ? setRole(this.core, p.value.actorId, p.value.userId, p.value.role) : p;
  }

  rename(input: RenameInput) {
    const p = parse(RenameInput, input);
    return p.ok ? rename(this.core, p.value.actorId, p.value.name) : p;
  }

  // ------------------------------------------------------------------ personal data (personal-data.ts)

  sentBy(input: SentByInput) {
    const p = parse(SentByInput, input);
    return p.ok ? sentBy(this.core, p.value) : p;
  }

  eraseSender(input: EraseSenderInput) {
    const p = parse(EraseSenderInput, input);
    return p.ok ? eraseSender(this.core, p.value) : p;
  }

  sealedPage(input: SealedPageInput) {
    const p = parse(SealedPageInput, input);
    return p.ok ? sealedPage(this.core, p.value) : p;
  }

  reseal(input: ResealInput) {
    const p = parse(ResealInput, input);
    return p.ok ? reseal(this.core, p.value) : p;
  }

  // ------------------------------------------------------------------ sockets and alarm

  /** The Worker's upgrade request (socket-headers.ts): a member's socket, or a refusal as JSON. */
  async open(request: Request): Promise<Response> {
    const p = parse(SocketRequestInput, {
      userId: request.headers.get(SOCKET_HEADERS.user),
      sessionId: request.headers.get(SOCKET_HEADERS.session),
      origin: request.headers.get(SOCKET_HEADERS.origin),
      websocket: request.headers.get("Upgrade")?.toLowerCase() === "websocket",
      since: new URL(request.url).searchParams.get("since"),
    });
    return p.ok ? openSocket(this.core, p.value) : failureResponse(p);
  }

  /** Closes a user's sockets here at once (their account was suspended or deleted); how many. */
  closeUserSockets(input: CloseUserSocketsInput) {
    const p = parse(CloseUserSocketsInput, input);
    if (!p.ok) return p;
    return { ok: true as const, closed: this.live.closeUser(p.value.userId, p.value.code, p.value.reason) };
  }

  onMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    return onSocketMessage(this.core, ws, data);
  }

  onClose(ws: WebSocket, code: number, reason: string): void {
    this.live.drop(ws);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
  }

  onError(ws: WebSocket): void {
    this.live.drop(ws);
  }

  alarm(): Promise<void> {
    return this.background.run();
  }

  // ------------------------------------------------------------------ internals

  private meta(): MetaRow | null {
    this.metaRow ??= readMeta(this.sql) ?? null;
    return this.metaRow;
  }

  private setMeta(patch: Partial<Pick<MetaRow, "origin" | "alarm_at" | "heartbeat_at">>): void {
    const meta = this.meta();
    if (!meta) return;
    Object.assign(meta, patch);
    this.sql.exec(
      "UPDATE room_meta SET origin = ?, alarm_at = ?, heartbeat_at = ? WHERE id = 1",
      meta.origin,
      meta.alarm_at,
      meta.heartbeat_at,
    );
  }

  private members(): { ids: string[]; roles: Map<string, MemberRole> } {
    if (!this.memberList) {
      const rows = this.sql.exec<{ user_id: string; role: string }>("SELECT user_id, role FROM members").toArray();
      this.memberList = {
        ids: rows.map((r) => r.user_id),
        roles: new Map(rows.map((r) => [r.user_id, r.role as MemberRole])),
      };
      this.offline = null;
    }
    return this.memberList;
  }

  private forgetMembers(): void {
    this.memberList = null;
    this.offline = null;
  }

  /** Recomputed only when a socket opened or went, or the members changed: not once per message. */
  private offlineMembers(): readonly string[] {
    const { ids } = this.members();
    const sockets = this.live.version();
    if (!this.offline || this.offline.sockets !== sockets) {
      const connected = this.live.connectedUsers();
      this.offline = { sockets, ids: ids.filter((id) => !connected.has(id)) };
    }
    return this.offline.ids;
  }

  /** A read: it checks and answers, and writes nothing (the origin is noted by writes, noteOrigin). */
  private guard(userId: string): { ok: true; meta: MetaRow; member: MemberRow } | Failure {
    const meta = this.meta();
    if (!meta) return notInitialized();
    const member = userId ? readMember(this.sql, userId) : undefined;
    if (!member) return fail("forbidden", NOT_MEMBER);
    return { ok: true, meta, member };
  }

  private present(origin?: string): PresentContext {
    const meta = this.meta()!;
    return {
      sql: this.sql,
      env: this.core.env,
      cache: this.cache,
      dialogId: meta.dialog_id,
      origin: origin || (meta.origin ?? ""),
    };
  }
}

/** An RPC input checked against its schema, or the `invalid_argument` failure that answers it. */
function parse<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | Failure {
  const parsed = parseRpcInput(schema, input);
  return parsed.ok ? parsed : fail("invalid_argument", parsed.message);
}
