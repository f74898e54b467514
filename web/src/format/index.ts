/** The API's Money: an integer amount in the currency's ISO 4217 minor unit (CONTRACT.md conventions). */
export interface Money {
  amount: number;
  currency: string;
}

/** Minor-unit digits per currency: VND has none, the rest two (CONTRACT.md). */
const MINOR_DIGITS: Record<string, number> = { VND: 0 };
/** Amounts kept in whole units by the rounding policy: shown without a fraction. */
const WHOLE_UNITS = new Set(["IDR", "VND"]);

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

export interface Format {
  money: (money: Money) => string;
  number: (value: number) => string;
  date: (iso: string | Date, style?: "short" | "medium" | "long") => string;
  dateTime: (iso: string | Date) => string;
}

/** Every number, price and date the app shows goes through this, for the reader's locale (a BCP-47 tag). */
export function createFormat(tag: string): Format {
  const numbers = new Intl.NumberFormat(tag);
  const currencies = new Map<string, Intl.NumberFormat>();
  const currency = (code: string) => {
    let format = currencies.get(code);
    if (!format) {
      const digits = WHOLE_UNITS.has(code) ? 0 : minorDigits(code);
      format = new Intl.NumberFormat(tag, {
        style: "currency",
        currency: code,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      currencies.set(code, format);
    }
    return format;
  };
  const dates = (style: "short" | "medium" | "long") => new Intl.DateTimeFormat(tag, { dateStyle: style });
  const dateTimes = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short" });
  return {
    money: (m) => currency(m.currency).format(m.amount / 10 ** minorDigits(m.currency)),
    number: (value) => numbers.format(value),
    date: (iso, style = "medium") => dates(style).format(new Date(iso)),
    dateTime: (iso) => dateTimes.format(new Date(iso)),
  };
}
