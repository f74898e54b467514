import { PICKUP_TEMPLATES } from "./pickups";
import { RETURN_TEMPLATES } from "./returns";
import type { TemplateCatalog } from "./types";

/**
 * English notifications, the reference catalog. Parameters (see compose.ts): number, shop, items,
 * total, deadline, link, courier, tracking + hasTracking, refund, orders, product, variant,
 * available, threshold, sender, dialog, group, count, kind, alert, device, at, price, previousPrice,
 * percent, code, expires, window. SMS stays within GSM-7 (no curly quotes or dashes).
 */
export const en: TemplateCatalog = {
  "order.created": {
    title: "Order {number} placed",
    body: "{items, plural, one {# item} other {# items}} from {shop}, {total}. Pay by {deadline} to keep your order.",
    sms: "Tchat: order {number} ({total}) is waiting for payment. Pay by {deadline} or it will be cancelled.",
    email: {
      subject: "Your order {number} is waiting for payment",
      body:
        "Thank you for your order from {shop}.\n\n" +
        "Order: {number}\nItems: {items, plural, one {# item} other {# items}}\nTotal: {total}\n\n" +
        "Please pay by {deadline}. Unpaid orders are cancelled and their items released.\n\n" +
        "View your order: {link}",
    },
    push: { title: "Order {number} placed", body: "Pay {total} by {deadline} to keep your order." },
  },
  "order.paid": {
    title: "Payment received for order {number}",
    body: "We received {total} for your order from {shop}. The shop is preparing it now.",
    sms: "Tchat: payment of {total} received for order {number}. The shop is preparing it.",
    email: {
      subject: "Payment received: order {number}",
      body:
        "We received your payment of {total} for order {number} from {shop}.\n\n" +
        "The shop is preparing your order; we will tell you when it ships.\n\n" +
        "View your order: {link}",
    },
  },
  "seller.order_paid": {
    title: "New paid order {number}",
    body: "{items, plural, one {# item} other {# items}} for {total}. Pack it and mark it as shipped.",
    sms: "Tchat: new paid order {number} ({total}). Pack it and mark it as shipped.",
    email: {
      subject: "New paid order {number} ({total})",
      body:
        "{shop} has a new paid order.\n\n" +
        "Order: {number}\nItems: {items, plural, one {# item} other {# items}}\nTotal: {total}\n\n" +
        "Pack it, then mark it as shipped with its tracking number: {link}",
    },
    push: { title: "New paid order {number}", body: "{total}, {items, plural, one {# item} other {# items}}" },
  },
  "order.shipped": {
    title: "Order {number} is on its way",
    body: "{shop} shipped your order with {courier}.{hasTracking, select, yes { Tracking number: {tracking}.} other {}}",
    sms: "Tchat: order {number} shipped with {courier}.{hasTracking, select, yes { Tracking: {tracking}} other {}}",
    email: {
      subject: "Order {number} has shipped",
      body:
        "Good news: {shop} shipped your order {number} with {courier}.\n" +
        "{hasTracking, select, yes {Tracking number: {tracking}\n} other {}}\n" +
        "Follow your order: {link}",
    },
  },
  "order.delivered": {
    title: "Order {number} delivered",
    body: "Your order from {shop} has been delivered. Enjoy it, and tell other buyers what you think.",
    sms: "Tchat: order {number} has been delivered. Enjoy!",
    email: {
      subject: "Order {number} delivered",
      body:
        "Your order {number} from {shop} has been delivered.\n\n" +
        "We hope you like it. A review helps other buyers choose: {link}",
    },
  },
  "order.cancelled": {
    title: "Order {number} cancelled",
    body: "Your order from {shop} was cancelled.{refund, select, yes { Your payment of {total} will be refunded.} other {}}",
    sms: "Tchat: order {number} was cancelled.{refund, select, yes { {total} will be refunded.} other {}}",
    email: {
      subject: "Order {number} cancelled",
      body:
        "Your order {number} from {shop} was cancelled.\n\n" +
        "{refund, select, yes {Your payment of {total} will be refunded to the way you paid.\n\n} other {}}" +
        "Order details: {link}",
    },
  },
  "seller.order_cancelled": {
    title: "Order {number} cancelled",
    body: "Order {number} ({total}) was cancelled. Do not ship it; the buyer is refunded.",
    sms: "Tchat: order {number} ({total}) was cancelled. Do not ship it.",
    email: {
      subject: "Order {number} cancelled: do not ship",
      body:
        "Order {number} ({total}) at {shop} was cancelled after payment. Do not ship it; " +
        "the buyer is refunded.\n\nOrder details: {link}",
    },
  },
  "order.refunded": {
    title: "Order {number} refunded",
    body: "Your payment of {total} for your order from {shop} has been refunded.",
    sms: "Tchat: {total} for order {number} has been refunded.",
    email: {
      subject: "Order {number} refunded",
      body:
        "Your payment of {total} for order {number} from {shop} has been refunded to the way you paid. " +
        "It may take a few days to show.\n\nOrder details: {link}",
    },
  },
  "order.expired": {
    title: "Order {number} expired",
    body: "Your order from {shop} was not paid in time, so it was cancelled and its items released.",
    sms: "Tchat: order {number} was not paid in time and has been cancelled.",
    email: {
      subject: "Order {number} expired",
      body:
        "Your order {number} from {shop} was not paid in time, so it was cancelled and its items released.\n\n" +
        "Still want them? Add them to your cart again: {link}",
    },
  },
  "payment.failed": {
    title: "Payment failed for order {number}",
    body:
      "Your payment of {total}{orders, plural, one {} other { for # orders}} did not go through. " +
      "Try again or choose another payment method before the order expires.",
    sms: "Tchat: your payment of {total} for order {number} failed. Try again in the app before the order expires.",
    email: {
      subject: "Your payment for order {number} failed",
      body:
        "Your payment of {total}{orders, plural, one {} other { for # orders}} did not go through.\n\n" +
        "Try again, or choose another payment method, before the order expires: {link}",
    },
  },
  "seller.stock_low": {
    title: "Low stock: {product}",
    body:
      "{variant, select, none {} other {{variant}: }}only {available, plural, =0 {no units} one {# unit} other {# units}} left " +
      "(alert below {threshold, number}). Restock to keep selling.",
    sms: "Tchat: low stock for {product}: {available, plural, =0 {none} other {#}} left.",
    email: {
      subject: "Low stock: {product}",
      body:
        "{product}{variant, select, none {} other { ({variant})}} is running low: " +
        "{available, plural, =0 {no units} one {# unit} other {# units}} left, below your alert level of {threshold, number}.\n\n" +
        "Restock it to keep selling: {link}",
    },
  },
  "chat.message": {
    title: "{group, select, yes {{sender} in {dialog}} other {{sender}}}",
    body:
      "{count, plural, one {{kind, select, image {Sent a photo} file {Sent a file} location {Shared a location} " +
      "sticker {Sent a sticker} card {Shared a product} other {Sent you a message}}} other {# new messages}}",
    sms: "Tchat: {count, plural, one {a new message} other {# new messages}} from {sender}.",
    email: {
      subject: "{count, plural, one {New message} other {# new messages}} from {sender}",
      body: "{sender} wrote to you{group, select, yes { in {dialog}} other {}}. Reply in Tchat: {link}",
    },
  },
  "security.alert": {
    title:
      "{alert, select, new_sign_in {New sign-in to your account} password_changed {Your password was changed} " +
      "sessions_revoked {You were signed out everywhere} other {Security alert}}",
    body:
      "{alert, select, new_sign_in {{device} signed in on {at}. Not you? Sign out all sessions and change your password.} " +
      "password_changed {Your password was changed on {at}. Not you? Reset it now and contact support.} " +
      "sessions_revoked {All your sessions were signed out on {at}.} " +
      "other {Something changed in your account on {at}. Check Settings > Security.}}",
    sms: "Tchat security: {alert, select, new_sign_in {new sign-in from {device} on {at}.} password_changed {password changed on {at}.} other {account change on {at}.}} Not you? Contact support.",
    email: {
      subject: "Security alert for your Tchat account",
      body:
        "{alert, select, new_sign_in {{device} signed in to your account on {at}.} " +
        "password_changed {Your password was changed on {at}.} " +
        "sessions_revoked {All your sessions were signed out on {at}.} other {Your account changed on {at}.}}\n\n" +
        "If this was not you, secure your account now: {link}",
    },
  },
  "promotion.price_drop": {
    title: "Price drop: {product}",
    body: "Now {price}, was {previousPrice} ({percent, number}% off). Get it before it sells out.",
    sms: "Tchat: {product} is now {price} (was {previousPrice}).",
    email: {
      subject: "Price drop: {product} is now {price}",
      body:
        "Good news: {product}, which you looked at, is now {price} (was {previousPrice}, {percent, number}% off).\n\n" +
        "See it: {link}",
    },
  },
  "promotion.voucher_expiring": {
    title: "Your voucher {code} expires soon",
    body: "Use voucher {code} before {expires}, or it is gone.",
    sms: "Tchat: your voucher {code} expires on {expires}.",
    email: {
      subject: "Your voucher {code} expires on {expires}",
      body: "Your voucher {code} expires on {expires}. Use it at checkout before then: {link}",
    },
  },
  ...RETURN_TEMPLATES.en,
  ...PICKUP_TEMPLATES.en,
};
