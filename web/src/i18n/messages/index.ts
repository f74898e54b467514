import type { Locale } from "../locales";
import { en, type MessageKey, type Messages } from "./en";
import { fil } from "./fil";
import { id } from "./id";
import { ms } from "./ms";
import { th } from "./th";
import { vi } from "./vi";

export type { MessageKey, Messages };

/** Every catalog by locale; each is typed as `Messages`, so a missing key fails `tsc`. */
export const CATALOGS: Record<Locale, Messages> = { th, en, id, ms, fil, vi };
