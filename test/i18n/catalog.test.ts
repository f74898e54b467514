import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "../../schemas/platform";
import {
  type AccountMessageId,
  type AccountMessageParams,
  bcp47,
  COUNTRY_LOCALE,
  COUNTRY_TIMEZONE,
  renderAccountMessage,
} from "../../workers/i18n/catalog";
import { type Catalog, en } from "../../workers/i18n/locales/en";
import { fil } from "../../workers/i18n/locales/fil";
import { id } from "../../workers/i18n/locales/id";
import { ms } from "../../workers/i18n/locales/ms";
import { th } from "../../workers/i18n/locales/th";
import { vi } from "../../workers/i18n/locales/vi";

const CATALOGS: Record<Locale, Catalog> = { en, th, id, ms, fil, vi };
const IDS = Object.keys(en) as AccountMessageId[];

/** The parameters each message may use; a catalog text using anything else is a bug. */
const PARAMS: Record<AccountMessageId, string[]> = {
  otp_code: ["code", "minutes", "appName"],
  welcome: ["name"],
  new_device: ["device", "platform", "time"],
  password_reset: ["link", "minutes"],
  password_changed: [],
  account_deleted: ["name"],
};

const SIGN_IN_AT = new Date("2026-03-05T20:30:00Z");

const SAMPLE: Record<AccountMessageId, AccountMessageParams> = {
  otp_code: { code: "123456", minutes: 5, appName: "Tchat" },
  welcome: { name: "Somchai" },
  new_device: { device: "iPhone 15", platform: "ios", time: SIGN_IN_AT },
  password_reset: { link: "https://tchat.example/reset?t=abc123", minutes: 60 },
  password_changed: {},
  account_deleted: { name: "Somchai" },
};

function texts(entry: Catalog[AccountMessageId]): [string, string][] {
  return [
    ["sms", entry.sms],
    ["email.subject", entry.email.subject],
    ["email.body", entry.email.body],
  ];
}

/** Names of every argument a compiled message refers to, nested plural/select branches included. */
function argumentNames(elements: unknown[], into = new Set<string>()): Set<string> {
  for (const el of elements as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }[]) {
    // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (intl-messageformat TYPE enum).
    if (el.type >= 1 && el.type <= 6 && typeof el.value === "string") into.add(el.value);
    for (const option of Object.values(el.options ?? {})) argumentNames(option.value, into);
  }
  return into;
}

// GSM 03.38 default alphabet, and its extension table (each of those costs two septets).
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€\f";

/** Septets the text needs in GSM-7, or undefined when some character forces UCS-2. */
function gsm7Length(text: string): number | undefined {
  let length = 0;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) length += 1;
    else if (GSM_EXTENSION.includes(ch)) length += 2;
    else return undefined;
  }
  return length;
}

/** UCS-2 code units (a JavaScript string's length, as long as nothing is outside the BMP). */
function ucs2Length(text: string): number {
  expect([...text].length).toBe(text.length);
  return text.length;
}

const THAI = /[\u0E00-\u0E7F]/;
const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

describe("account message catalogs", () => {
  it("have every key, with an SMS body and an email subject and body, in every locale", () => {
    for (const locale of LOCALES) {
      const catalog = CATALOGS[locale];
      expect(Object.keys(catalog).sort(), locale).toEqual([...IDS].sort());
      for (const key of IDS) {
        for (const [part, text] of texts(catalog[key])) {
          expect(typeof text, `${locale} ${key}.${part}`).toBe("string");
          expect(text.trim().length, `${locale} ${key}.${part}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("compile as ICU messages that use only the message's own parameters", () => {
    for (const locale of LOCALES) {
      for (const key of IDS) {
        for (const [part, text] of texts(CATALOGS[locale][key])) {
          const label = `${locale} ${key}.${part}`;
          let compiled: IntlMessageFormat | undefined;
          expect(() => {
            compiled = new IntlMessageFormat(text, bcp47(locale), undefined, { ignoreTag: true });
          }, label).not.toThrow();
          const used = [...argumentNames(compiled!.getAst())];
          expect(
            used.filter((name) => !PARAMS[key].includes(name)),
            label,
          ).toEqual([]);
        }
      }
    }
  });

  it("render every message in every locale and channel", () => {
    for (const locale of LOCALES) {
      for (const key of IDS) {
        const sms = renderAccountMessage(key, "sms", locale, SAMPLE[key], { timeZone: "Asia/Bangkok" });
        expect(sms.subject).toBeUndefined();
        expect(sms.body).not.toMatch(/[{}]/);
        const email = renderAccountMessage(key, "email", locale, SAMPLE[key], { timeZone: "Asia/Bangkok" });
        expect(email.subject, `${locale} ${key}`).toBeTruthy();
        expect(email.subject).not.toMatch(/[{}\n]/);
        expect(email.body).not.toMatch(/[{}]/);
        for (const text of [sms.body, email.subject!, email.body]) expect(text).toBe(text.normalize("NFC"));
      }
    }
  });

  it("put the facts the reader needs into every locale", () => {
    for (const locale of LOCALES) {
      for (const channel of ["sms", "email"] as const) {
        const otp = renderAccountMessage("otp_code", channel, locale, SAMPLE.otp_code);
        expect(otp.body, `${locale} ${channel}`).toContain("123456");
        expect(otp.body).toMatch(/\b5\b/);
        const reset = renderAccountMessage("password_reset", channel, locale, SAMPLE.password_reset);
        expect(reset.body).toContain("https://tchat.example/reset?t=abc123");
        expect(reset.body).toMatch(/\b60\b/);
        const device = renderAccountMessage("new_device", channel, locale, SAMPLE.new_device);
        expect(device.body).toContain("iPhone 15");
        expect(device.body).toContain("iOS");
      }
      expect(renderAccountMessage("welcome", "email", locale, SAMPLE.welcome).subject).toContain("Somchai");
      expect(renderAccountMessage("account_deleted", "email", locale, SAMPLE.account_deleted).body).toContain(
        "Somchai",
      );
    }
  });

  it("render the Thai OTP in Thai script with the code", () => {
    const { body } = renderAccountMessage("otp_code", "sms", "th", SAMPLE.otp_code);
    expect(body).toContain("123456");
    expect(body).toMatch(THAI);
    expect(body.startsWith("Tchat: ")).toBe(true);
  });

  it("render Vietnamese with its diacritics", () => {
    const { body } = renderAccountMessage("otp_code", "sms", "vi", SAMPLE.otp_code);
    expect(body).toContain("123456");
    expect(body).toMatch(VIETNAMESE_LETTERS);
    expect(body).toContain("Mã đăng nhập");
    expect(renderAccountMessage("password_changed", "email", "vi", {}).subject).toBe(
      "Mật khẩu Tchat của bạn đã được thay đổi",
    );
  });

  it("pluralizes minutes in English", () => {
    const one = renderAccountMessage("otp_code", "sms", "en", { ...SAMPLE.otp_code, minutes: 1 }).body;
    const five = renderAccountMessage("otp_code", "sms", "en", SAMPLE.otp_code).body;
    expect(one).toBe("Tchat: your sign-in code is 123456. It expires in 1 minute. Never share it.");
    expect(five).toBe("Tchat: your sign-in code is 123456. It expires in 5 minutes. Never share it.");
    const reset = renderAccountMessage("password_reset", "email", "en", { link: "https://x.test/r", minutes: 1 });
    expect(reset.body).toContain("expires in 1 minute.");
  });

  it("formats dates and times in the given time zone", () => {
    // 20:30 UTC on 5 March is 03:30 on 6 March in Bangkok and 04:30 in Singapore.
    const at = (timeZone?: string, locale: Locale = "en") =>
      renderAccountMessage("new_device", "email", locale, SAMPLE.new_device, timeZone ? { timeZone } : {}).body;
    const short = (timeZone: string, tag = "en-SG") =>
      new Intl.DateTimeFormat(tag, { hour: "numeric", minute: "numeric", timeZone }).format(SIGN_IN_AT);

    const bangkok = at("Asia/Bangkok");
    expect(bangkok).toContain("6 Mar 2026");
    expect(bangkok).toContain(short("Asia/Bangkok"));
    expect(bangkok).toMatch(/3:30/);

    const singapore = at("Asia/Singapore");
    expect(singapore).toContain("6 Mar 2026");
    expect(singapore).toMatch(/4:30/);

    const utc = at();
    expect(utc).toContain("5 Mar 2026");
    expect(utc).toMatch(/8:30/);

    // Thai dates use the Buddhist era (2026 CE = 2569 BE) and a 24-hour clock.
    const thai = at("Asia/Bangkok", "th");
    expect(thai).toContain("2569");
    expect(thai).toContain("03:30");

    const vietnamese = renderAccountMessage("new_device", "sms", "vi", SAMPLE.new_device, {
      timeZone: COUNTRY_TIMEZONE.VN,
    }).body;
    expect(vietnamese).toContain("lúc 3:30 ngày 6 thg 3, 2026");

    expect(() => at("Mars/Olympus_Mons")).toThrow(RangeError);
  });

  it("keeps the OTP SMS to one segment: 160 GSM-7 characters, or 70 UCS-2 for Thai and Vietnamese", () => {
    for (const minutes of [1, 5, 10, 15]) {
      const params = { ...SAMPLE.otp_code, minutes };
      for (const locale of ["en", "id", "ms", "fil"] as const) {
        const { body } = renderAccountMessage("otp_code", "sms", locale, params);
        const septets = gsm7Length(body);
        expect(septets, `${locale} is not GSM-7: ${body}`).toBeDefined();
        expect(septets!, `${locale}: ${body}`).toBeLessThanOrEqual(160);
      }
      for (const locale of ["th", "vi"] as const) {
        const { body } = renderAccountMessage("otp_code", "sms", locale, params);
        expect(gsm7Length(body)).toBeUndefined();
        expect(ucs2Length(body), `${locale}: ${body}`).toBeLessThanOrEqual(70);
      }
    }
  });

  it("keeps every SMS in English, Indonesian, Malay and Filipino within the GSM-7 alphabet", () => {
    for (const locale of ["en", "id", "ms", "fil"] as const) {
      for (const key of IDS) {
        const { body } = renderAccountMessage(key, "sms", locale, SAMPLE[key], { timeZone: "Asia/Manila" });
        expect(gsm7Length(body), `${locale} ${key}: ${JSON.stringify(body)}`).toBeDefined();
      }
    }
  });

  it("falls back to English for a locale without a catalog", () => {
    const english = renderAccountMessage("welcome", "sms", "en", SAMPLE.welcome);
    expect(renderAccountMessage("welcome", "sms", "xx" as Locale, SAMPLE.welcome)).toEqual(english);
    expect(bcp47("xx" as Locale)).toBe("en-SG");
  });

  it("throws when a parameter is missing instead of sending a half-filled message", () => {
    expect(() => renderAccountMessage("otp_code", "sms", "th", { code: "123456", appName: "Tchat" })).toThrow();
  });

  it("maps countries to their language and time zone", () => {
    expect(COUNTRY_LOCALE).toEqual({ TH: "th", SG: "en", ID: "id", MY: "ms", PH: "fil", VN: "vi" });
    expect(COUNTRY_TIMEZONE).toEqual({
      TH: "Asia/Bangkok",
      SG: "Asia/Singapore",
      ID: "Asia/Jakarta",
      MY: "Asia/Kuala_Lumpur",
      PH: "Asia/Manila",
      VN: "Asia/Ho_Chi_Minh",
    });
    expect(LOCALES.map(bcp47)).toEqual(["th-TH", "en-SG", "id-ID", "ms-MY", "fil-PH", "vi-VN"]);
    for (const timeZone of Object.values(COUNTRY_TIMEZONE)) {
      // Every zone is known to the runtime (which may report Ho_Chi_Minh by its alias Saigon).
      expect(() => renderAccountMessage("new_device", "sms", "en", SAMPLE.new_device, { timeZone })).not.toThrow();
    }
  });
});
