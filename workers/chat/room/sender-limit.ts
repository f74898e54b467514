import type { ChatConfig } from "../../platform/config";
import { takeWrite } from "../../platform/rate-limit";

/**
 * Messages one user sends across all their dialogs (HTTP and sockets: both reach a room's send),
 * at most CHAT_USER_SEND_LIMIT per CHAT_USER_SEND_WINDOW_SECONDS. No room sees the others, so
 * the count is kept by the RateLimiter object named after the user. Seconds to wait; 0 to send.
 */
export async function acrossDialogsWait(env: Env, userId: string, config: ChatConfig): Promise<number> {
  const key = { key: `chat-send:user:${userId}`, limit: config.userSendLimit, who: "you" };
  const refusal = await takeWrite(env, [key], config.userSendWindowSeconds);
  return refusal ? Number(refusal.retryAfter) : 0;
}
