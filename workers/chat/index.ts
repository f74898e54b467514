import { createRouter } from "../platform/openapi";
import { createDialogHandler, createDialogRoute } from "./routes/dialog-create";
import { getDialogHandler, getDialogRoute } from "./routes/dialog-get";
import { leaveDialogHandler, leaveDialogRoute } from "./routes/dialog-leave";
import { readDialogHandler, readDialogRoute } from "./routes/dialog-read";
import { receiptsHandler, receiptsRoute } from "./routes/dialog-receipts";
import { searchDialogHandler, searchDialogRoute } from "./routes/dialog-search";
import { dialogSocketHandler, dialogSocketRoute } from "./routes/dialog-socket";
import { updateDialogHandler, updateDialogRoute } from "./routes/dialog-update";
import { listDialogsHandler, listDialogsRoute } from "./routes/dialogs-list";
import { resolveFlagHandler, resolveFlagRoute } from "./routes/flag-resolve";
import { listFlagsHandler, listFlagsRoute } from "./routes/flags-list";
import { removeMemberHandler, removeMemberRoute } from "./routes/member-remove";
import { updateMemberHandler, updateMemberRoute } from "./routes/member-update";
import { addMembersHandler, addMembersRoute } from "./routes/members-add";
import { membershipSettingsHandler, membershipSettingsRoute } from "./routes/membership-settings";
import { deleteMessageHandler, deleteMessageRoute } from "./routes/message-delete";
import { editMessageHandler, editMessageRoute } from "./routes/message-edit";
import { reportMessageHandler, reportMessageRoute } from "./routes/message-report";
import { sendMessageHandler, sendMessageRoute } from "./routes/message-send";
import { listMessagesHandler, listMessagesRoute } from "./routes/messages-list";
import { getPresenceHandler, getPresenceRoute } from "./routes/presence-get";
import { addReactionHandler, addReactionRoute } from "./routes/reaction-add";
import { removeReactionHandler, removeReactionRoute } from "./routes/reaction-remove";
import { supportChatHandler, supportChatRoute } from "./routes/support-chat";

export { accountSocketsConsumer, closeAccountSockets } from "./account-sockets";
export { type DialogUnreadFacts, dialogUnreadFacts } from "./dialog-unread-facts";
export { type ChatMediaLink, mayReadChatMedia } from "./media-access";
export {
  CHAT_ENCRYPTED_COLUMNS,
  chatErasureWrites,
  dialogIdsAfter,
  dialogIdsOf,
  eraseSenderInRoom,
  messagesSentBy,
  reencryptRoomPage,
} from "./personal-data";
export { refreshTransferDialogs, transferCardsConsumer } from "./transfer-cards";

/** Chat (CONTRACT.md "Chat"): dialogs in D1, each dialog's messages in its ChatRoom object. Design: docs/chat.md. */
export const chatRouter = createRouter()
  .openapi(createDialogRoute, createDialogHandler)
  .openapi(listDialogsRoute, listDialogsHandler)
  .openapi(getDialogRoute, getDialogHandler)
  .openapi(updateDialogRoute, updateDialogHandler)
  .openapi(addMembersRoute, addMembersHandler)
  .openapi(removeMemberRoute, removeMemberHandler)
  .openapi(updateMemberRoute, updateMemberHandler)
  .openapi(leaveDialogRoute, leaveDialogHandler)
  .openapi(membershipSettingsRoute, membershipSettingsHandler)
  .openapi(supportChatRoute, supportChatHandler)
  .openapi(listMessagesRoute, listMessagesHandler)
  .openapi(sendMessageRoute, sendMessageHandler)
  .openapi(editMessageRoute, editMessageHandler)
  .openapi(deleteMessageRoute, deleteMessageHandler)
  .openapi(addReactionRoute, addReactionHandler)
  .openapi(removeReactionRoute, removeReactionHandler)
  .openapi(reportMessageRoute, reportMessageHandler)
  .openapi(readDialogRoute, readDialogHandler)
  .openapi(searchDialogRoute, searchDialogHandler)
  .openapi(receiptsRoute, receiptsHandler)
  .openapi(dialogSocketRoute, dialogSocketHandler)
  .openapi(getPresenceRoute, getPresenceHandler)
  .openapi(listFlagsRoute, listFlagsHandler)
  .openapi(resolveFlagRoute, resolveFlagHandler);
