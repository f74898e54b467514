import type { ProblemTranslations } from "../types";

/** Thai problem details of the GHN courier (workers/logistics/couriers/ghn.ts), keyed by the English template. */
export const couriersGhn: ProblemTranslations = {
  "GHN collects cash on delivery in Vietnamese dong only.": "GHN เก็บเงินปลายทางเป็นเงินดองเวียดนามเท่านั้น",
  "GHN cannot find the ward and district of the delivery address. The address needs its ward and district in the city field (for example Phường 14, Quận 10) and a Vietnamese province: choose another courier, or ask the buyer to correct the address.":
    "GHN ไม่พบแขวงและเขตของที่อยู่จัดส่ง ที่อยู่ต้องมีแขวงและเขตในช่องเมือง (เช่น Phường 14, Quận 10) และจังหวัดในเวียดนาม: เลือกผู้ให้บริการขนส่งรายอื่น หรือขอให้ผู้ซื้อแก้ไขที่อยู่",
  "GHN could not be asked about this order just now. Nothing was changed.":
    "ไม่สามารถสอบถาม GHN เกี่ยวกับคำสั่งซื้อนี้ได้ในขณะนี้ ไม่มีการเปลี่ยนแปลงใดๆ",
  "GHN cannot find the ward and district of the shop's pickup address. Write its ward and district (for example Phường 14, Quận 10) and its province in the shop's pickup address, then book again.":
    "GHN ไม่พบแขวงและเขตของที่อยู่รับพัสดุของร้านค้า เขียนแขวงและเขต (เช่น Phường 14, Quận 10) และจังหวัดในที่อยู่รับพัสดุของร้านค้า แล้วจองอีกครั้ง",
};
