import type { ProblemTranslations } from "../types";

/** Thai problem details of finding a person by phone number (GET /api/v1/users/lookup), keyed by the English template. */
export const people: ProblemTranslations = {
  "This is your own phone number. Enter the number of the person you want to chat with.":
    "คุณกำลังค้นหาด้วยหมายเลขโทรศัพท์ของคุณเอง กรุณาใส่หมายเลขของคนที่คุณต้องการแชทด้วย",
};
