import { type NotificationCategory, notificationPreferences } from "../../d1/schema/notifications";
import { type Database, inList } from "../platform/db";
import { dateTimeFormat } from "../platform/intl";

export type Channel = "sms" | "email" | "push" | "inApp";
export type OptionalCategory = Exclude<NotificationCategory, "security">;

export interface Preferences {
  channels: Record<Channel, boolean>;
  categories: Record<OptionalCategory, boolean>;
  quietHours: { start: string; end: string } | null;
}

export const CHANNELS: readonly Channel[] = ["sms", "email", "push", "inApp"];
export const OPTIONAL_CATEGORIES: readonly OptionalCategory[] = ["orders", "chat", "payments", "promotions"];

/**
 * What a user who never chose gets: every channel, every category except promotions. Marketing
 * needs consent under the region's data-protection laws (Thailand's PDPA and its neighbours), so
 * promotions are opt-in.
 */
export const DEFAULT_PREFERENCES: Preferences = {
  channels: { sms: true, email: true, push: true, inApp: true },
  categories: { orders: true, chat: true, payments: true, promotions: false },
  quietHours: null,
};

type Row = typeof notificationPreferences.$inferSelect;

export function fromRow(row: Row | undefined): Preferences {
  if (!row) return structuredClone(DEFAULT_PREFERENCES);
  const channels = { ...DEFAULT_PREFERENCES.channels };
  for (const c of CHANNELS) if (typeof row.channels[c] === "boolean") channels[c] = row.channels[c];
  const categories = { ...DEFAULT_PREFERENCES.categories };
  for (const c of OPTIONAL_CATEGORIES) if (typeof row.categories[c] === "boolean") categories[c] = row.categories[c];
  const quietHours = row.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null;
  return { channels, categories, quietHours };
}

/** The stored preferences of many users: one statement (for a D1 batch; preferencesFrom reads it). */
export function preferenceRows(db: Database, userIds: readonly string[]) {
  return db
    .select()
    .from(notificationPreferences)
    .where(inList(notificationPreferences.userId, [...new Set(userIds)]));
}

/** Each user's preferences from their stored rows (absent rows are the defaults). */
export function preferencesFrom(rows: Row[], userIds: readonly string[]): Map<string, Preferences> {
  const out = new Map<string, Preferences>();
  for (const row of rows) out.set(row.userId, fromRow(row));
  for (const id of userIds) if (!out.has(id)) out.set(id, fromRow(undefined));
  return out;
}

/**
 * The channels a notification goes out on: the template's channels that the recipient allows.
 * Security messages ignore every switch (a takeover warning must arrive); the others need both
 * the channel and their category on, so each category is independent: the promotions opt-out never
 * silences an order or payment message. Guests (no account, no preferences) get email only.
 */
export function allowedChannels(
  category: NotificationCategory,
  templateChannels: readonly Channel[],
  prefs: Preferences | null,
): Channel[] {
  if (category === "security") return [...templateChannels];
  if (!prefs) return templateChannels.filter((c) => c === "email");
  if (!prefs.categories[category]) return [];
  return templateChannels.filter((c) => prefs.channels[c]);
}

/** Minutes since local midnight for "HH:MM". */
function minutesOf(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h * 60 + m;
}

/** The wall-clock time in `timeZone` at `at`: minutes since midnight, plus seconds and ms. */
function wallClock(at: number, timeZone: string): { minutes: number; seconds: number } {
  const f = dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { minutes: Number(parts.hour) * 60 + Number(parts.minute), seconds: Number(parts.second) };
}

/**
 * When the recipient's quiet hours end, if `at` falls inside them (epoch ms), else null. Quiet
 * hours are wall-clock times in the user's own zone and may span midnight (22:00–07:00).
 */
export function quietHoursEnd(quiet: Preferences["quietHours"], timeZone: string, at: number): number | null {
  if (!quiet) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const { minutes, seconds } = wallClock(at, timeZone);
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inside) return null;
  const minutesLeft = (end - minutes + 1440) % 1440;
  const msIntoMinute = seconds * 1000 + (at % 1000);
  return at + minutesLeft * 60_000 - msIntoMinute;
}

/** Preferences of one user. */
export async function preferencesFor(db: Database, userId: string): Promise<Preferences> {
  return fromRow(await preferenceRows(db, [userId]).get());
}

export interface PreferencesPatch {
  channels?: Partial<Record<Channel, boolean>>;
  categories?: Partial<Record<OptionalCategory, boolean>>;
  quietHours?: { start: string; end: string } | null;
}

/** Applies a change (fields left out keep their value) and stores the whole result. */
export async function savePreferences(db: Database, userId: string, patch: PreferencesPatch): Promise<Preferences> {
  const current = await preferencesFor(db, userId);
  const next: Preferences = {
    channels: { ...current.channels, ...patch.channels },
    categories: { ...current.categories, ...patch.categories },
    quietHours: patch.quietHours === undefined ? current.quietHours : patch.quietHours,
  };
  const values = {
    channels: next.channels,
    categories: next.categories,
    quietStart: next.quietHours?.start ?? null,
    quietEnd: next.quietHours?.end ?? null,
    updatedAt: Date.now(),
  };
  await db
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
  return next;
}
