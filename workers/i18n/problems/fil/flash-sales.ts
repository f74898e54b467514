import type { ProblemTranslations } from "../types";

/** Filipino problem details of flash sales, keyed by the English template. */
export const flashSales: ProblemTranslations = {
  "A flash sale must start in the future and end after it starts.":
    "Dapat magsimula sa hinaharap ang flash sale at matapos pagkatapos nitong magsimula.",
  "Some items cannot go on sale. Fix them (see errors) and try again.":
    "May mga item na hindi maisasama sa sale. Ayusin ang mga ito (tingnan ang errors) at subukang muli.",
  "Another flash sale of the same product overlaps this window. Choose another time or leave that product out.":
    "May ibang flash sale ng parehong produkto na sumasapaw sa panahong ito. Pumili ng ibang oras o alisin ang produktong iyon.",
  "There is no flash sale with this id.": "Walang flash sale na may ganitong id.",
  "This flash sale has already started. Only an upcoming sale can be cancelled.":
    "Nagsimula na ang flash sale na ito. Ang paparating na sale lang ang maaaring kanselahin.",
};
