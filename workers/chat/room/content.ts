import { decryptPii, encryptPii } from "../../platform/pii";
import type { Content } from "./types";

/**
 * Message content (text and location) is stored AES-256-GCM encrypted with the PII key, in the
 * room's SQLite storage and as the D1 listing's preview. An empty content is stored as NULL.
 */
export async function sealContent(env: Env, content: Content): Promise<string | null> {
  const clean: Content = {};
  if (content.text !== undefined) clean.text = content.text;
  if (content.location !== undefined) clean.location = content.location;
  if (Object.keys(clean).length === 0) return null;
  return encryptPii(env, JSON.stringify(clean));
}

export async function openContent(env: Env, sealed: string | null): Promise<Content> {
  if (!sealed) return {};
  return JSON.parse(await decryptPii(env, sealed)) as Content;
}

/**
 * Decrypted contents of recent messages, by seq, so that fan-out, replay after a reconnect and
 * history reads of fresh messages do not decrypt the same rows again. In memory only: a room that
 * wakes from hibernation starts empty and decrypts on demand.
 */
export class ContentCache {
  private readonly map = new Map<number, Content>();
  constructor(private readonly capacity = 2000) {}

  get(seq: number): Content | undefined {
    return this.map.get(seq);
  }

  set(seq: number, content: Content): void {
    this.map.delete(seq);
    this.map.set(seq, content);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }

  delete(seq: number): void {
    this.map.delete(seq);
  }
}

/** The start of a text for previews (listing, reply quotes). */
export function snippet(text: string | undefined, max = 200): string | undefined {
  if (text === undefined) return undefined;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
