import type { ProblemTranslations } from "../types";

/** Thai problem details of addresses (a postal code not of its country, one sentence per country), keyed by the English template. */
export const addresses: ProblemTranslations = {
  "That postal code does not exist in Thailand: use 5 digits, e.g. {0} (Bangkok).":
    "ไม่มีรหัสไปรษณีย์นี้ในประเทศไทย กรุณาใช้ตัวเลข 5 หลัก เช่น {0} (กรุงเทพฯ)",
  "That postal code does not exist in Singapore: use 6 digits, e.g. {0}.":
    "ไม่มีรหัสไปรษณีย์นี้ในสิงคโปร์ กรุณาใช้ตัวเลข 6 หลัก เช่น {0}",
  "That postal code does not exist in Indonesia: use 5 digits, e.g. {0} (Central Jakarta).":
    "ไม่มีรหัสไปรษณีย์นี้ในอินโดนีเซีย กรุณาใช้ตัวเลข 5 หลัก เช่น {0} (จาการ์ตาตอนกลาง)",
  "That postal code does not exist in Malaysia: use 5 digits, e.g. {0} (Kuala Lumpur).":
    "ไม่มีรหัสไปรษณีย์นี้ในมาเลเซีย กรุณาใช้ตัวเลข 5 หลัก เช่น {0} (กัวลาลัมเปอร์)",
  "That postal code does not exist in the Philippines: use 4 digits, e.g. {0} (Manila).":
    "ไม่มีรหัสไปรษณีย์นี้ในฟิลิปปินส์ กรุณาใช้ตัวเลข 4 หลัก เช่น {0} (มะนิลา)",
  "That postal code does not exist in Vietnam: use 5 digits, e.g. {0} (Ho Chi Minh City).":
    "ไม่มีรหัสไปรษณีย์นี้ในเวียดนาม กรุณาใช้ตัวเลข 5 หลัก เช่น {0} (นครโฮจิมินห์)",
};
