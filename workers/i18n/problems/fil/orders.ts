import type { ProblemTranslations } from "../types";

/** Filipino problem details of orders, checkout, vouchers, payments and notifications, keyed by the English template. */
export const orders: ProblemTranslations = {
  "You have no notification with this id.": "Wala kang notification na may ganitong id.",
  "You have no push device with this id.": "Wala kang push device na may ganitong id.",
  "There is no active product with this id.": "Walang aktibong produkto na may ganitong id.",
  "The product is priced in {0}. Fix previousPrice.currency and send it again.":
    "Naka-presyo ang produkto sa {0}. Ayusin ang previousPrice.currency at ipadala ulit.",
  "The product's price now is not lower than previousPrice. Fix previousPrice.amount and send it again.":
    "Hindi mas mababa ang kasalukuyang presyo ng produkto kaysa sa previousPrice. Ayusin ang previousPrice.amount at ipadala ulit.",
  "There is no voucher with this code.": "Walang voucher na may ganitong code.",
  "This voucher has no expiry ahead of it. Fix voucherCode and send it again.":
    "Walang paparating na expiry ang voucher na ito. Ayusin ang voucherCode at ipadala ulit.",
  "At most {0} recipients per promotion. Fix userIds and send it again.":
    "Hanggang {0} recipient lang bawat promo. Ayusin ang userIds at ipadala ulit.",
  "Nothing exists at this address.": "Walang makikita sa address na ito.",
  "At most {0} events per call (NOTIFICATIONS_BENCH_MAX_EVENTS).":
    "Hanggang {0} event lang bawat tawag (NOTIFICATIONS_BENCH_MAX_EVENTS).",
  "Resend webhooks cannot be verified here: set RESEND_WEBHOOK_SECRET (whsec_...) for this environment.":
    "Hindi ma-verify dito ang mga Resend webhook: itakda ang RESEND_WEBHOOK_SECRET (whsec_...) para sa environment na ito.",
  "Twilio callbacks cannot be verified here: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN for this environment.":
    "Hindi ma-verify dito ang mga Twilio callback: itakda ang TWILIO_ACCOUNT_SID at TWILIO_AUTH_TOKEN para sa environment na ito.",
  "Twilio status callbacks are form-encoded (application/x-www-form-urlencoded).":
    "Form-encoded ang mga Twilio status callback (application/x-www-form-urlencoded).",
  "There is no order with this id.": "Walang order na may ganitong id.",
  "This order is not yours, nor your shop's.": "Hindi sa iyo ang order na ito, at hindi rin sa shop mo.",
  "There is no order with this id. Guests: send the X-Cart-Token used at checkout.":
    "Walang order na may ganitong id. Mga guest: ipadala ang X-Cart-Token na ginamit sa checkout.",
  "A shipped order can no longer be cancelled; ask for a return once it arrives.":
    "Hindi na makakansela ang order na naipadala na; humiling ng return kapag dumating na ito.",
  "An order that is {0} can no longer be cancelled.": "Hindi na makakansela ang order na {0}.",
  "This checkout was interrupted and then abandoned: your items are back in your cart and nothing is reserved. Check out again with a new Idempotency-Key.":
    "Naantala at saka inabandona ang checkout na ito: bumalik na sa cart mo ang iyong mga item at walang naka-reserve. Mag-checkout ulit gamit ang bagong Idempotency-Key.",
  "Your cart is empty. Add items first.": "Walang laman ang cart mo. Magdagdag muna ng mga item.",
  "You already have {0} unpaid orders holding stock and this checkout makes {1} more; one buyer may have at most {2} open at a time. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "Mayroon ka nang {0} order na hindi pa bayad na may hawak na stock at magdadagdag pa ang checkout na ito ng {1}; hanggang {2} bukas na order lang ang puwede sa isang mamimili nang sabay-sabay. Bayaran o kanselahin ang isa sa mga order mong hindi pa bayad, saka mag-checkout ulit (gamit ang bagong Idempotency-Key).",
  "Your unpaid orders already hold {0} units and this checkout would hold {1} more; one buyer may hold at most {2} units in unpaid orders. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key). Or buy fewer units.":
    "May hawak nang {0} unit ang mga order mong hindi pa bayad at magdadagdag pa ang checkout na ito ng {1}; hanggang {2} unit lang ang puwedeng hawakan ng isang mamimili sa mga order na hindi pa bayad. Bayaran o kanselahin ang isa sa mga order mong hindi pa bayad, saka mag-checkout ulit (gamit ang bagong Idempotency-Key). O bumili ng mas kaunting unit.",
  "Unpaid orders checked out from your network already hold {0} orders and {1} units; at most {2} orders and {3} units may be open per IP address. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).":
    "Ang mga order na hindi pa bayad na na-checkout mula sa network mo ay umaabot na sa {0} order at {1} unit; hanggang {2} order at {3} unit lang ang puwedeng bukas bawat IP address. Bayaran o kanselahin ang isa sa mga order mong hindi pa bayad, saka mag-checkout ulit (gamit ang bagong Idempotency-Key).",
  "Some items in your cart are no longer for sale. Remove them (POST /api/v1/cart/validate lists them) and check out again.":
    "May mga item sa cart mo na hindi na ibinebenta. Alisin ang mga iyon (nakalista sa POST /api/v1/cart/validate) at mag-checkout ulit.",
  "Your cart mixes currencies. Keep items of one currency and check out again.":
    "Magkakaiba ang currency ng mga item sa cart mo. Itira lang ang mga item na iisa ang currency at mag-checkout ulit.",
  "Guests send the address inline as shippingAddress.":
    "Ipinapadala ng mga guest ang address nang direkta bilang shippingAddress.",
  "You have no saved address with this id.": "Wala kang naka-save na address na may ganitong id.",
  "This checkout could not reserve its stock. Check out again.":
    "Hindi ma-reserve ng checkout na ito ang stock nito. Mag-checkout ulit.",
  "Some items do not have enough stock left. Lower the quantities (see errors) and check out again; nothing was reserved.":
    "Kulang ang natitirang stock ng ilang item. Bawasan ang dami (tingnan ang errors) at mag-checkout ulit; walang na-reserve.",
  "Your cart is empty. Add items first (guests: send the X-Cart-Token of your cart).":
    "Walang laman ang cart mo. Magdagdag muna ng mga item (mga guest: ipadala ang X-Cart-Token ng cart mo).",
  "Guests need a contactEmail for the order confirmation.":
    "Kailangan ng mga guest ng contactEmail para sa kumpirmasyon ng order.",
  "Another attempt with this Idempotency-Key has taken this checkout over. Retry in a moment to get its answer.":
    "May ibang pagsubok gamit ang Idempotency-Key na ito na umako sa checkout na ito. Subukan ulit maya-maya para makuha ang sagot nito.",
  "Your open orders or the voucher changed while this checkout ran. Check out again.":
    "Nagbago ang mga bukas mong order o ang voucher habang tumatakbo ang checkout na ito. Mag-checkout ulit.",
  "Sign in, or send the X-Cart-Token you checked out with.":
    "Mag-sign in, o ipadala ang X-Cart-Token na ginamit mo sa checkout.",
  "Only the shop's owner sees its orders.": "Ang may-ari lang ng shop ang nakakakita ng mga order nito.",
  "Shop {0} ships within {1} only; it cannot deliver to {2}.":
    "Sa loob lang ng {1} nagpapadala ang shop na {0}; hindi ito makakapag-deliver sa {2}.",
  "Shop {0} ships within its own country only; it cannot deliver to {1}.":
    "Sa loob lang ng sarili nitong bansa nagpapadala ang shop na {0}; hindi ito makakapag-deliver sa {1}.",
  "Only the shop's owner moves an order along; buyers can cancel with POST /orders/:id/cancel.":
    "Ang may-ari lang ng shop ang nagpapausad ng order; puwedeng magkansela ang mga mamimili gamit ang POST /orders/:id/cancel.",
  "Shipping needs the parcel's trackingNumber (and courier).":
    "Kailangan sa pagpapadala ang trackingNumber ng parcel (at ang courier).",
  "An order that is {0} cannot become {1}. Possible: {2}.":
    "Ang order na {0} ay hindi puwedeng maging {1}. Posible: {2}.",
  "An order that is {0} cannot become {1}. No further change is possible.":
    "Ang order na {0} ay hindi puwedeng maging {1}. Wala nang ibang posibleng pagbabago.",
  "An order that is {0} cannot become {1} by the {2}. Possible: {3}.":
    "Ang order na {0} ay hindi puwedeng gawing {1} ng {2}. Posible: {3}.",
  "An order that is {0} cannot become {1} by the {2}. No further change is possible.":
    "Ang order na {0} ay hindi puwedeng gawing {1} ng {2}. Wala nang ibang posibleng pagbabago.",
  "The order changed while this request was being handled. Read it again and retry.":
    "Nagbago ang order habang pinoproseso ang request na ito. Basahin itong muli at subukan ulit.",
  "This voucher code does not exist. Check the spelling.": "Walang ganitong voucher code. Tingnan ang spelling.",
  "This voucher is not valid yet.": "Hindi pa valid ang voucher na ito.",
  "This voucher has expired.": "Expired na ang voucher na ito.",
  "This voucher is for a shop that is not in your cart.": "Para sa shop na wala sa cart mo ang voucher na ito.",
  "This voucher has been fully used.": "Naubos na ang voucher na ito.",
  "This voucher is for {0} orders; your cart is in {1}.":
    "Para sa mga order na {0} ang voucher na ito; {1} ang cart mo.",
  "Spend at least {0} {1} to use this voucher.": "Gumastos ng hindi bababa sa {0} {1} para magamit ang voucher na ito.",
  "You have already used this voucher as many times as allowed.":
    "Nagamit mo na ang voucher na ito sa pinakamaraming beses na pinapayagan.",
  "The sandbox gateway is off here. Choose stripe, midtrans, xendit or omise.":
    "Naka-off dito ang sandbox gateway. Pumili ng stripe, midtrans, xendit o omise.",
  "The {0} gateway is not available here: {1}": "Hindi available dito ang {0} gateway: {1}",
  "Another payment for these orders is being started right now. Try again in a moment.":
    "May ibang bayad para sa mga order na ito na sinisimulan ngayon. Subukan ulit maya-maya.",
  "{0} cannot take {1} payments in {2}. Choose another method or gateway.":
    "Hindi kayang tumanggap ng {0} ng bayad na {1} sa {2}. Pumili ng ibang paraan o gateway.",
  "The stock hold of these orders has run out; they are expiring. Check out again.":
    "Naubos na ang oras ng pagkaka-reserve ng stock ng mga order na ito; mag-e-expire na ang mga ito. Mag-checkout ulit.",
  "A newer payment request for these orders replaced this one. Use the newer payment.":
    "Napalitan ito ng mas bagong payment request para sa mga order na ito. Gamitin ang mas bagong bayad.",
  "Some of these orders do not exist or are not yours.": "Ang ilan sa mga order na ito ay wala o hindi sa iyo.",
  "Only unpaid orders can be paid, and order {0} is no longer awaiting payment.":
    "Ang mga order lang na hindi pa bayad ang puwedeng bayaran, at hindi na naghihintay ng bayad ang order na {0}.",
  "Only unpaid orders can be paid, and orders {0} are no longer awaiting payment.":
    "Ang mga order lang na hindi pa bayad ang puwedeng bayaran, at hindi na naghihintay ng bayad ang mga order na {0}.",
  "Pay for orders of one currency at a time.": "Magbayad para sa mga order na iisa ang currency sa bawat pagkakataon.",
  "{0} gave an answer we could not read, so this payment was not started. Try again in a moment, or choose another gateway.":
    "Nagbigay ang {0} ng sagot na hindi namin mabasa, kaya hindi nasimulan ang bayad na ito. Subukan ulit maya-maya, o pumili ng ibang gateway.",
  "{0} is not answering right now. Try again in a moment, or choose another gateway.":
    "Hindi sumasagot ang {0} sa ngayon. Subukan ulit maya-maya, o pumili ng ibang gateway.",
  "{0} refused this payment: {1}": "Tinanggihan ng {0} ang bayad na ito: {1}",
  "There is no payment with this id.": "Walang bayad na may ganitong id.",
  "This payment is not yours.": "Hindi sa iyo ang bayad na ito.",
  "There is no payment with this id. Guests: send the X-Cart-Token used at checkout.":
    "Walang bayad na may ganitong id. Mga guest: ipadala ang X-Cart-Token na ginamit sa checkout.",
  "The webhook signature is missing or wrong.": "Wala o mali ang signature ng webhook.",
  "The event was refused: {0}. It has been logged for review.":
    "Tinanggihan ang event: {0}. Naitala ito para sa pagsusuri.",
  "Only sandbox payments can be simulated; this one is handled by its gateway.":
    "Mga sandbox na bayad lang ang puwedeng i-simulate; ang gateway nito ang humahawak sa bayad na ito.",
  "This payment was cancelled at the gateway (a newer payment request replaced it, or its orders ended). Pay the open payment instead.":
    "Nakansela sa gateway ang bayad na ito (napalitan ito ng mas bagong payment request, o natapos na ang mga order nito). Bayaran na lang ang bukas na bayad.",
  // Stripe's regional methods (PayNow, FPX, GrabPay): currency rules and the FPX bank.
  "PayNow takes only Singapore dollars (SGD). Choose another method.":
    "Singapore dollar (SGD) lamang ang tinatanggap ng PayNow. Pumili ng ibang paraan.",
  "FPX takes only Malaysian ringgit (MYR). Choose another method.":
    "Malaysian ringgit (MYR) lamang ang tinatanggap ng FPX. Pumili ng ibang paraan.",
  "GrabPay takes only Singapore dollars (SGD) or Malaysian ringgit (MYR). Choose another method.":
    "Singapore dollar (SGD) o Malaysian ringgit (MYR) lamang ang tinatanggap ng GrabPay. Pumili ng ibang paraan.",
  "Only FPX payments take a bank. Leave bank out.":
    "Mga bayad sa FPX lamang ang may bangko. Huwag nang ipadala ang bank.",
  "Choose your bank for FPX: send bank with one of the codes the payment options list.":
    "Piliin ang iyong bangko para sa FPX: ipadala ang bank na may isa sa mga code sa listahan ng mga opsyon sa pagbabayad.",
  "FPX does not know this bank. Send one of the bank codes the payment options list.":
    "Hindi kilala ng FPX ang bangkong ito. Ipadala ang isa sa mga bank code sa listahan ng mga opsyon sa pagbabayad.",
  "A delivered or completed order is refunded with its payment: POST /api/v1/admin/payments/:id/refund (an operator), or through a return.":
    "Ang order na naihatid na o kumpleto na ay nire-refund kasama ang bayad nito: POST /api/v1/admin/payments/:id/refund (ng operator), o sa pamamagitan ng return.",
};
