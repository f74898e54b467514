import { DurableObject } from "cloudflare:workers";
import type {
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
  TransferRefreshInput,
} from "../workers/chat/room/inputs";
import type { EraseSenderInput, ResealInput, SealedPageInput, SentByInput } from "../workers/chat/room/personal-data";
import { Room } from "../workers/chat/room/room";
import { type RpcTrace, traced } from "../workers/platform/request-context";

/**
 * One dialog's ChatRoom: a thin shell around its Room (workers/chat/room/room.ts), which holds the
 * logic. Each method hands its call over unchanged, those that record messages in their caller's
 * request context (events they cause carry its id).
 */
export class ChatRoom extends DurableObject<Env> {
  private readonly room: Room;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.room = new Room(ctx, env);
  }

  init(input: SnapshotInput) {
    return this.room.init(input);
  }

  info() {
    return this.room.info();
  }

  role(input: MemberInput) {
    return this.room.role(input);
  }

  history(input: PageInput) {
    return this.room.history(input);
  }

  receipts(input: MemberInput) {
    return this.room.receipts(input);
  }

  reportable(input: MessageInput) {
    return this.room.reportable(input);
  }

  search(input: SearchInput) {
    return this.room.search(input);
  }

  send(input: SendInput, trace?: RpcTrace) {
    return traced(trace, () => this.room.send(input));
  }

  edit(input: EditInput) {
    return this.room.edit(input);
  }

  remove(input: MessageInput) {
    return this.room.remove(input);
  }

  react(input: ReactInput) {
    return this.room.react(input);
  }

  receipt(input: ReceiptInput) {
    return this.room.receipt(input);
  }

  addMembers(input: AddMembersInput, trace?: RpcTrace) {
    return traced(trace, () => this.room.addMembers(input));
  }

  removeMember(input: RemoveMemberInput, trace?: RpcTrace) {
    return traced(trace, () => this.room.removeMember(input));
  }

  setRole(input: SetRoleInput, trace?: RpcTrace) {
    return traced(trace, () => this.room.setRole(input));
  }

  rename(input: RenameInput, trace?: RpcTrace) {
    return traced(trace, () => this.room.rename(input));
  }

  closeUserSockets(input: CloseUserSocketsInput) {
    return this.room.closeUserSockets(input);
  }

  refreshTransfer(input: TransferRefreshInput) {
    return this.room.refreshTransfer(input);
  }

  sentBy(input: SentByInput) {
    return this.room.sentBy(input);
  }

  eraseSender(input: EraseSenderInput) {
    return this.room.eraseSender(input);
  }

  sealedPage(input: SealedPageInput) {
    return this.room.sealedPage(input);
  }

  reseal(input: ResealInput) {
    return this.room.reseal(input);
  }

  override fetch(request: Request): Promise<Response> {
    return this.room.open(request);
  }

  /** A frame is a request of its own: what it causes carries a fresh request id. */
  override webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    return traced(undefined, () => this.room.onMessage(ws, data));
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.room.onClose(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.room.onError(ws);
  }

  override alarm(): Promise<void> {
    return this.room.alarm();
  }
}
