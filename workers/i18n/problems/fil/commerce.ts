import type { ProblemTranslations } from "../types";

/** Filipino problem details of the catalog, cart, shops, shipping, search and reviews, keyed by the English template. */
export const commerce: ProblemTranslations = {
  "Your cart holds items priced in {0} and this product is priced in {1}. A cart holds one currency: check out or empty the cart first.":
    "May mga item sa cart mo na naka-presyo sa {0} at ang produktong ito ay naka-presyo sa {1}. Iisang currency lang ang puwede sa isang cart: mag-checkout o i-empty muna ang cart.",
  "Your cart holds items priced in {0} and this product is priced in another currency. A cart holds one currency: check out or empty the cart first.":
    "May mga item sa cart mo na naka-presyo sa {0} at ang produktong ito ay naka-presyo sa ibang currency. Iisang currency lang ang puwede sa isang cart: mag-checkout o i-empty muna ang cart.",
  "This product is out of stock.": "Out of stock ang produktong ito.",
  "Only {0} in stock: add at most {1} more.":
    "{0} na lang ang natitirang stock: hanggang {1} pa ang puwede mong idagdag.",
  "Only {0} in stock and your cart already holds {1}: add at most {2} more.":
    "{0} na lang ang natitirang stock at may {1} na sa cart mo: hanggang {2} pa ang puwede mong idagdag.",
  "Only {0} in stock and your cart already holds {1}: you can't add more.":
    "{0} na lang ang natitirang stock at may {1} na sa cart mo: hindi ka na makakapagdagdag.",
  "A cart line holds at most {0} units and yours already holds {1}.":
    "Hanggang {0} unit lang ang puwede sa isang linya ng cart at may {1} na sa iyo.",
  "A cart line holds at most {0} units.": "Hanggang {0} unit lang ang puwede sa isang linya ng cart.",
  "A cart holds at most {0} different items. Remove one or check out first.":
    "Hanggang {0} magkakaibang item lang ang puwede sa isang cart. Mag-alis ng isa o mag-checkout muna.",
  "Your cart has no item with this id. GET /api/v1/cart lists its items.":
    "Walang item sa cart mo na may ganitong id. Nakalista ang mga item nito sa GET /api/v1/cart.",
  "There is no product with this id.": "Walang produktong may ganitong id.",
  "This product has no variant {0}. GET the product to see its variants.":
    "Walang variant na {0} ang produktong ito. I-GET ang produkto para makita ang mga variant nito.",
  "This product comes in variants: send variantId (GET the product to see its variants).":
    "May mga variant ang produktong ito: ipadala ang variantId (i-GET ang produkto para makita ang mga variant nito).",
  "X-Cart-Token is not a cart token this server issued. Send back the X-Cart-Token of an earlier response, or none to start a new cart.":
    "Ang X-Cart-Token ay hindi cart token na inisyu ng server na ito. Ibalik ang X-Cart-Token mula sa naunang response, o huwag magpadala para magsimula ng bagong cart.",
  "minPrice is above maxPrice: swap them.": "Mas mataas ang minPrice kaysa sa maxPrice: pagpalitin ang dalawa.",
  "There is no category with this id.": "Walang kategoryang may ganitong id.",
  "There is no category with this parentId.": "Walang kategoryang may ganitong parentId.",
  "A category cannot move under itself or one of its sub-categories.":
    "Hindi puwedeng ilipat ang isang kategorya sa ilalim ng sarili nito o ng isa sa mga sub-category nito.",
  "The slug {0} is already used by category {1}. Choose another.":
    "Ginagamit na ng kategoryang {1} ang slug na {0}. Pumili ng iba.",
  "The slug {0} is already used.": "Ginagamit na ang slug na {0}.",
  "This category has sub-categories. Move or delete them first.":
    "May mga sub-category ang kategoryang ito. Ilipat o i-delete muna ang mga iyon.",
  "Products are listed in this category (e.g. {0}). Move them first.":
    "May mga produktong nakalista sa kategoryang ito (hal. {0}). Ilipat muna ang mga iyon.",
  "This product has variants: say which one with variantId.":
    "May mga variant ang produktong ito: sabihin kung alin gamit ang variantId.",
  "variantId is not one of this product's variants.": "Ang variantId ay hindi isa sa mga variant ng produktong ito.",
  "This product has no variants: leave variantId out.": "Walang variant ang produktong ito: huwag isama ang variantId.",
  "This shop was rejected by our review, so it cannot list products.":
    "Na-reject ang shop na ito sa aming review, kaya hindi ito makakapaglista ng mga produkto.",
  "SKU {0} is already used in this shop. Choose another SKU.":
    "Ginagamit na ang SKU na {0} sa shop na ito. Pumili ng ibang SKU.",
  "One of these SKUs is already used in this shop.": "Ginagamit na sa shop na ito ang isa sa mga SKU na ito.",
  "A variant id must be one of this product's variants, listed once.":
    "Ang variant id ay dapat isa sa mga variant ng produktong ito, at isang beses lang nakalista.",
  "This shop sells in {0}, so prices must be in {1}, not {2}.":
    "Nagbebenta ang shop na ito sa {0}, kaya dapat nasa {1} ang mga presyo, hindi {2}.",
  "{0} prices are whole units: send an amount that is a multiple of {1} minor units (e.g. {2}).":
    "Buong unit ang mga presyo sa {0}: magpadala ng halagang multiple ng {1} minor unit (hal. {2}).",
  "There is no category with this id. Pick one from GET /api/v1/categories.":
    "Walang kategoryang may ganitong id. Pumili ng isa mula sa GET /api/v1/categories.",
  "Each SKU may appear once: give every variant its own SKU.":
    "Isang beses lang puwedeng lumabas ang bawat SKU: bigyan ang bawat variant ng sariling SKU.",
  "SKU {0} is already used in this shop by product {1} (deleted products keep their SKUs). Choose another SKU.":
    "Ginagamit na ang SKU na {0} sa shop na ito ng produktong {1} (hawak pa rin ng mga na-delete na produkto ang kanilang SKU). Pumili ng ibang SKU.",
  "Only the shop's owner can change its products.": "Ang may-ari lang ng shop ang makakapagbago ng mga produkto nito.",
  "This product was deleted.": "Na-delete na ang produktong ito.",
  "The stock could not be set to {0}: {1} units are held by unpaid orders.":
    "Hindi maitakda ang stock sa {0}: {1} unit ang nakalaan sa mga order na hindi pa bayad.",
  "The stock could not be set to {0}: {1}.": "Hindi maitakda ang stock sa {0}: {1}.",
  "Shop owners cannot review their own products.":
    "Hindi puwedeng i-review ng may-ari ng shop ang sarili niyang mga produkto.",
  "You have already reviewed this product; each buyer reviews a product once.":
    "Na-review mo na ang produktong ito; isang beses lang makakapag-review ang bawat mamimili sa isang produkto.",
  "Only buyers can review a product, once their order of it has been delivered. If yours is on its way, come back after it arrives.":
    "Mga mamimili lang ang makakapag-review ng produkto, kapag naihatid na ang kanilang order nito. Kung parating pa lang ang sa iyo, bumalik pagdating nito.",
  "Only the owner of the product's shop can answer its reviews.":
    "Ang may-ari lang ng shop ng produkto ang makakasagot sa mga review nito.",
  "There is no review with this id.": "Walang review na may ganitong id.",
  "You cannot report your own review.": "Hindi mo puwedeng i-report ang sarili mong review.",
  "You have already reported this review.": "Na-report mo na ang review na ito.",
  "Type at least one letter or digit to get suggestions.":
    "Mag-type ng kahit isang letra o numero para makakuha ng mga suhestiyon.",
  "This cursor came from a search with other words, filters or sort. Repeat that search, or omit cursor to start over.":
    "Galing ang cursor na ito sa search na may ibang salita, filter o pagkakasunod. Ulitin ang search na iyon, o alisin ang cursor para magsimula ulit.",
  "minPrice is larger than maxPrice. Swap them or drop one.":
    "Mas malaki ang minPrice kaysa sa maxPrice. Pagpalitin ang dalawa o alisin ang isa.",
  "The query has no letters or digits to search for. Type a word, or browse with categoryId or a price filter.":
    "Walang letra o numerong mahahanap sa query. Mag-type ng salita, o mag-browse gamit ang categoryId o price filter.",
  "Send q with at least one word, or browse with categoryId, minPrice, maxPrice, currency or brand.":
    "Ipadala ang q na may kahit isang salita, o mag-browse gamit ang categoryId, minPrice, maxPrice, currency o brand.",
  "The term needs at least one letter or digit.": "Kailangan ng term ng kahit isang letra o numero.",
  "Give at least one synonym with letters or digits that differs from the term.":
    "Magbigay ng kahit isang synonym na may letra o numero at iba sa term.",
  'There is already a {0} rule for "{1}". Delete it (DELETE /api/v1/admin/search/synonyms/{id}) and add the new one.':
    'May {0} rule na para sa "{1}". I-delete ito (DELETE /api/v1/admin/search/synonyms/{id}) at idagdag ang bago.',
  "There is no synonym rule with this id.": "Walang synonym rule na may ganitong id.",
  "Your cart has nothing to ship. Add products, then ask for shipping rates.":
    "Walang maipapadala mula sa cart mo. Magdagdag ng mga produkto, saka humingi ng shipping rates.",
  "There is no shop with this id.": "Walang shop na may ganitong id.",
  "Only the shop's owner can do this.": "Ang may-ari lang ng shop ang makakagawa nito.",
  'A shop in {0} sells in {1}, not {2}. Send currency "{3}".':
    'Ang shop sa {0} ay nagbebenta sa {1}, hindi {2}. Ipadala ang currency na "{3}".',
  "You already own {0} shops, the most one account may have.":
    "May-ari ka na ng {0} shop, ang pinakamarami para sa isang account.",
};
