import type { ProblemTranslations } from "../types";

/** Filipino reasons of the bulk CSV report's refused rows (seller center), keyed by the English template. */
export const sellerCsv: ProblemTranslations = {
  "No product or variant of this shop has this SKU.": "Walang produkto o variant ng shop na ito na may ganitong SKU.",
  "This product has variants: set the stock of each variant on its own line, by its SKU.":
    "May mga variant ang produktong ito: itakda ang stock ng bawat variant sa sarili nitong linya, ayon sa SKU nito.",
  "Unpaid orders hold {0} units of this SKU: stock may not go below that.":
    "May {0} unit ng SKU na ito na hawak ng mga order na hindi pa bayad: hindi puwedeng bumaba ang stock doon.",
  "Unpaid orders reserved units of this SKU while the file was applied: upload it again.":
    "May mga order na hindi pa bayad na nag-reserve ng unit ng SKU na ito habang inilalapat ang file: i-upload itong muli.",
  "The price must be a positive amount in {0} with at most {1} decimals, such as {2}.":
    "Ang presyo ay dapat positibong halaga sa {0} na may hanggang {1} decimal, gaya ng {2}.",
  "Stock must be a whole number from 0 to {0}.": "Ang stock ay dapat buong numero mula 0 hanggang {0}.",
  "The sku cell is empty: name the product's SKU.": "Walang laman ang sku cell: ilagay ang SKU ng produkto.",
  "Both price and stock are empty: fill in at least one.":
    "Parehong walang laman ang presyo at stock: punan ang kahit isa.",
  "This SKU is already listed on an earlier line: list it once.":
    "Nakalista na ang SKU na ito sa naunang linya: ilista ito nang isang beses lang.",
  "{0} prices are whole units: round the price to whole {1}.":
    "Buong unit ang mga presyo sa {0}: i-round ang presyo sa buong {1}.",
};
