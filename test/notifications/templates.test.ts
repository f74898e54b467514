import { describe, expect, it } from "vitest";
import { LOCALES } from "../../schemas/platform";
import { TEMPLATE_META } from "../../workers/notifications/compose";
import { type NotificationParams, renderNotification } from "../../workers/notifications/templates/render";
import { TEMPLATE_IDS } from "../../workers/notifications/templates/types";

const AT = Date.UTC(2026, 2, 5, 7, 30); // 14:30 in Bangkok and Jakarta, 15:30 in Singapore, Manila, KL

/** Every parameter any template uses. */
const PARAMS: NotificationParams = {
  number: "TH-260305-0001",
  shop: "Bangkok Gadget Hub",
  items: 2,
  total: { amount: 259_800, currency: "THB" },
  deadline: { at: AT },
  link: "https://app.tchat.example/orders/ord_1",
  courier: "Kerry Express",
  tracking: "KEX260000123TH",
  hasTracking: "yes",
  refund: "yes",
  orders: 2,
  product: "หูฟังไร้สาย",
  variant: "Black",
  available: 3,
  threshold: 5,
  sender: "Malee",
  dialog: "Sukhumvit runners",
  group: "yes",
  count: 3,
  kind: "image",
  alert: "new_sign_in",
  device: "Pixel 9",
  at: { at: AT },
  price: { amount: 99_900, currency: "THB" },
  previousPrice: { amount: 129_900, currency: "THB" },
  percent: 23,
  code: "SONGKRAN10",
  expires: { at: AT },
  // Returns (templates/returns.ts): the step, the refund, the shop's note.
  step: "approved",
  refundAmount: { amount: 45_000, currency: "THB" },
  note: "Please use the original box",
  hasNote: "yes",
  // A waiting pickup placed (templates/pickups.ts): the window from 14:30 to 17:30 in Bangkok.
  window: { from: AT, until: AT + 3 * 3_600_000 },
};

/** Intl's no-break spaces as plain ones, to compare with text written here. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, " ");

describe("notification templates", () => {
  it("every template renders on every channel in th, en, id, ms, fil and vi, with nothing left unfilled", () => {
    for (const template of TEMPLATE_IDS) {
      expect(TEMPLATE_META[template]).toBeDefined();
      for (const locale of LOCALES) {
        for (const channel of ["inApp", "push", "sms", "email"] as const) {
          const text = renderNotification(template, channel, locale, PARAMS, "Asia/Bangkok");
          const where = `${template} ${locale} ${channel}`;
          expect(text.body.length, where).toBeGreaterThan(0);
          if (channel !== "sms") expect(text.title.length, where).toBeGreaterThan(0);
          expect(`${text.title} ${text.body}`, where).not.toMatch(/[{}]/);
          if (channel === "sms") expect(text.body, where).not.toMatch(/[\u00A0\u202F]/);
        }
      }
    }
  });

  it("formats money with formatMoney, dates with Intl in the reader's zone, and plurals by the language's rules", () => {
    const en = renderNotification("order.created", "inApp", "en", PARAMS, "Asia/Singapore");
    expect(en.title).toBe("Order TH-260305-0001 placed");
    expect(plain(en.body)).toBe(
      plain(
        `2 items from Bangkok Gadget Hub, THB 2,598.00. Pay by ${new Intl.DateTimeFormat("en-SG", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Singapore" }).format(AT)} to keep your order.`,
      ),
    );
    expect(plain(en.body)).toContain("5 Mar 2026, 3:30 pm");
    expect(renderNotification("order.created", "inApp", "en", { ...PARAMS, items: 1 }, "UTC").body).toMatch(
      /^1 item from /,
    );
    const th = renderNotification("order.created", "inApp", "th", PARAMS, "Asia/Bangkok");
    expect(th.body).toContain("สินค้า 2 ชิ้น");
    expect(th.body).toContain("฿2,598.00");
    expect(th.body).toContain(
      new Intl.DateTimeFormat("th-TH", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Bangkok" }).format(
        AT,
      ),
    );
    // Rupiah are whole (IDR is stored in hundredths), dong have no minor unit.
    const idr = renderNotification(
      "order.paid",
      "inApp",
      "id",
      { ...PARAMS, total: { amount: 15_000_000, currency: "IDR" } },
      "Asia/Jakarta",
    );
    expect(plain(idr.body)).toContain("Rp 150.000");
    const vnd = renderNotification(
      "order.paid",
      "inApp",
      "vi",
      { ...PARAMS, total: { amount: 150_000, currency: "VND" } },
      "Asia/Ho_Chi_Minh",
    );
    expect(plain(vnd.body)).toContain("150.000 ₫");
    // Filipino has one/other; chat collapses a streak into a count.
    expect(renderNotification("chat.message", "inApp", "fil", { ...PARAMS, count: 1 }, "Asia/Manila").body).toBe(
      "Nagpadala ng larawan",
    );
    expect(renderNotification("chat.message", "inApp", "fil", PARAMS, "Asia/Manila").body).toBe("3 bagong mensahe");
    expect(renderNotification("chat.message", "inApp", "ms", PARAMS, "UTC").title).toBe(
      "Malee dalam Sukhumvit runners",
    );
    expect(renderNotification("chat.message", "inApp", "en", { ...PARAMS, group: "no" }, "UTC").title).toBe("Malee");
    // Select branches.
    expect(renderNotification("order.shipped", "sms", "en", { ...PARAMS, hasTracking: "no" }, "UTC").body).toBe(
      "Tchat: order TH-260305-0001 shipped with Kerry Express.",
    );
    expect(
      renderNotification("seller.stock_low", "inApp", "en", { ...PARAMS, available: 0, variant: "none" }, "UTC").body,
    ).toBe("only no units left (alert below 5). Restock to keep selling.");
    // Push uses its own shorter text where the template has one, else the in-app text.
    const push = renderNotification("seller.order_paid", "push", "en", PARAMS, "UTC");
    expect({ title: push.title, body: plain(push.body) }).toEqual({
      title: "New paid order TH-260305-0001",
      body: "THB 2,598.00, 2 items",
    });
    expect(renderNotification("order.paid", "push", "en", PARAMS, "UTC")).toEqual(
      renderNotification("order.paid", "inApp", "en", PARAMS, "UTC"),
    );
  });

  it("tells a seller their waiting pickup is placed in each of the six languages: the parcel and the window in their zone", () => {
    const range = (tag: string, timeZone: string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone }).formatRange(
        AT,
        AT + 3 * 3_600_000,
      );
    const zones = {
      en: "Asia/Singapore",
      th: "Asia/Bangkok",
      id: "Asia/Jakarta",
      ms: "Asia/Kuala_Lumpur",
      fil: "Asia/Manila",
      vi: "Asia/Ho_Chi_Minh",
    };
    const tags = { en: "en-SG", th: "th-TH", id: "id-ID", ms: "ms-MY", fil: "fil-PH", vi: "vi-VN" };
    const titles = new Set<string>();
    for (const locale of LOCALES) {
      const inApp = renderNotification("seller.pickup_placed", "inApp", locale, PARAMS, zones[locale]);
      const email = renderNotification("seller.pickup_placed", "email", locale, PARAMS, zones[locale]);
      expect(inApp.title, locale).toContain("KEX260000123TH");
      expect(inApp.body, locale).toContain(range(tags[locale], zones[locale]));
      expect(email.body, locale).toContain(range(tags[locale], zones[locale]));
      expect(email.body, locale).toContain("KEX260000123TH");
      expect(email.body, locale).toContain(PARAMS.link);
      titles.add(inApp.title);
    }
    expect(titles.size).toBe(LOCALES.length);
    const en = renderNotification("seller.pickup_placed", "inApp", "en", PARAMS, "Asia/Singapore");
    expect({ title: en.title, body: plain(en.body) }).toEqual({
      title: "Pickup booked: parcel KEX260000123TH",
      body: "Kerry Express will collect parcel KEX260000123TH of order TH-260305-0001: 5 Mar 2026, 3:30 – 6:30 pm. Have it packed and labelled.",
    });
    const push = renderNotification("seller.pickup_placed", "push", "th", PARAMS, "Asia/Bangkok");
    expect(push).toEqual({
      title: "นัดรับพัสดุแล้ว: คำสั่งซื้อ TH-260305-0001",
      body: `Kerry Express: ${range("th-TH", "Asia/Bangkok")}`,
    });
    expect(TEMPLATE_META["seller.pickup_placed"]).toEqual({ category: "orders", channels: ["inApp", "push", "email"] });
  });

  it("refuses to render with a parameter missing", () => {
    const { total: _total, ...missing } = PARAMS;
    expect(() => renderNotification("order.paid", "inApp", "en", missing, "UTC")).toThrow();
  });
});
