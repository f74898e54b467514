import { DurableObject } from "cloudflare:workers";
import type {
  AddMembersInput,
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
} from "../workers/chat/room/inputs";
import { Room } from "../workers/chat/room/room";

/**
 * One dialog's ChatRoom: a thin shell around its Room (workers/chat/room/room.ts), which holds the
 * logic. Each method hands its call over unchanged.
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

  send(input: SendInput) {
    return this.room.send(input);
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

  addMembers(input: AddMembersInput) {
    return this.room.addMembers(input);
  }

  removeMember(input: RemoveMemberInput) {
    return this.room.removeMember(input);
  }

  setRole(input: SetRoleInput) {
    return this.room.setRole(input);
  }

  rename(input: RenameInput) {
    return this.room.rename(input);
  }

  override fetch(request: Request): Promise<Response> {
    return this.room.open(request);
  }

  override webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    return this.room.onMessage(ws, data);
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
