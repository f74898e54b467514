import type { ProblemTranslations } from "../types";

/** Filipino problem details of the seller center (my shops, bulk CSV, verification documents), keyed by the English template. */
export const sellerShop: ProblemTranslations = {
  "The first line of the CSV must name the columns: sku, and price or stock (or both), e.g. sku,price,stock.":
    "Dapat pangalanan ng unang linya ng CSV ang mga column: sku, at price o stock (o pareho), hal. sku,price,stock.",
  "The CSV has a header but no rows. Add one row per SKU to change.":
    "May header ang CSV pero walang mga row. Magdagdag ng isang row bawat SKU na babaguhin.",
  "The CSV has {0} rows; one upload may change at most {1}. Split it into smaller files.":
    "May {0} row ang CSV; hanggang {1} lang ang mababago ng isang upload. Hatiin ito sa mas maliliit na file.",
  "Send the CSV as the request body with Content-Type: text/csv.":
    "Ipadala ang CSV bilang body ng request na may Content-Type: text/csv.",
  "A bulk CSV may be at most {0} bytes. Split it into smaller files.":
    "Hanggang {0} byte lang ang isang bulk CSV. Hatiin ito sa mas maliliit na file.",
  "The CSV is not valid UTF-8 text. Save it as CSV UTF-8 and upload it again.":
    "Hindi valid na UTF-8 na text ang CSV. I-save ito bilang CSV UTF-8 at i-upload muli.",
  "A verification document may be at most {0} bytes. Send a smaller scan or photo.":
    "Hanggang {0} byte lang ang isang dokumento ng beripikasyon. Magpadala ng mas maliit na scan o larawan.",
  "The document is empty. Send the file's bytes as the request body.":
    "Walang laman ang dokumento. Ipadala ang mga byte ng file bilang body ng request.",
  "A verification document must be a PDF, JPEG or PNG file. Scan or photograph it in one of those formats.":
    "Dapat PDF, JPEG o PNG na file ang dokumento ng beripikasyon. I-scan o kunan ito ng larawan sa isa sa mga format na iyon.",
  "This shop already has {0} documents not yet sent for review. Submit them for verification first.":
    "May {0} dokumento na ang shop na ito na hindi pa naipapadala para sa review. Ipadala muna ang mga iyon para sa beripikasyon.",
  "There is no such document for this shop.": "Walang ganitong dokumento para sa shop na ito.",
  "Send at most {0} documents in one request.": "Magpadala ng hanggang {0} dokumento lang sa isang request.",
  "This shop is already verified: there is nothing to submit.":
    "Beripikado na ang shop na ito: wala nang kailangang ipadala.",
  "Every document id must be a document uploaded to this shop and not sent yet. Upload the document first, then send its id.":
    "Dapat ang bawat id ng dokumento ay dokumentong na-upload sa shop na ito at hindi pa naipapadala. I-upload muna ang dokumento, saka ipadala ang id nito.",
  "This shop already has a verification request waiting for review.":
    "May request na ng beripikasyon ang shop na ito na naghihintay ng review.",
  "One of these documents was just sent with another request. Reload and try again.":
    "Kapapadala lang ng isa sa mga dokumentong ito kasama ng ibang request. I-reload at subukang muli.",
  "Only the shop's owner can see its verification documents.":
    "Ang may-ari lang ng shop ang makakakita ng mga dokumento nito ng beripikasyon.",
  "There is no verification request with this id.": "Walang request ng beripikasyon na may ganitong id.",
  "Say why the documents are rejected in note, so the owner can fix them.":
    "Sabihin sa note kung bakit tinanggihan ang mga dokumento, para maayos ito ng may-ari.",
  "This verification request was already decided. Reload the queue.":
    "Napagpasyahan na ang request ng beripikasyon na ito. I-reload ang pila.",
};
