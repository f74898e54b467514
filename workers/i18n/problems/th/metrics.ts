import type { ProblemTranslations } from "../types";

/** Problem details of metrics and alerts (admin), keyed by the English template. */
export const metrics: ProblemTranslations = {
  "from must be before to. Send an earlier from or a later to.": "from ต้องอยู่ก่อน to กรุณาส่ง from ที่เร็วกว่านี้หรือ to ที่ช้ากว่านี้",
  "This range holds {0} buckets at this granularity, more than the {1} one answer holds. Narrow from and to, or choose a coarser granularity.":
    "ช่วงเวลานี้มี {0} ช่วงย่อยที่ความละเอียดนี้ มากกว่า {1} ที่คำตอบเดียวรองรับ กรุณาลดช่วง from และ to หรือเลือกความละเอียดที่หยาบกว่า",
  "Metrics are not configured here. Set METRICS_ACCOUNT_ID and the secret METRICS_API_TOKEN.":
    "ยังไม่ได้ตั้งค่าตัวชี้วัดที่นี่ กรุณาตั้งค่า METRICS_ACCOUNT_ID และความลับ METRICS_API_TOKEN",
  "The metrics store did not answer. Try again in a minute.": "ที่เก็บตัวชี้วัดไม่ตอบสนอง กรุณาลองใหม่ในอีกหนึ่งนาที",
  "Two alert rules share the id {0}. Give each rule its own id.":
    "กฎการแจ้งเตือนสองข้อใช้รหัส {0} ซ้ำกัน กรุณาให้แต่ละกฎมีรหัสของตัวเอง",
  "Alert rule {0} watches {1}, which is not a metric. Use one of {2}.":
    "กฎการแจ้งเตือน {0} เฝ้าดู {1} ซึ่งไม่ใช่ตัวชี้วัด กรุณาใช้หนึ่งใน {2}",
  "Alert rule {0} notifies {1}, which is neither an email address nor an https URL of a public host. Use an email address or an https:// webhook URL.":
    "กฎการแจ้งเตือน {0} แจ้งไปที่ {1} ซึ่งไม่ใช่ทั้งที่อยู่อีเมลและ URL แบบ https ของโฮสต์สาธารณะ กรุณาใช้ที่อยู่อีเมลหรือ URL เว็บฮุกแบบ https://",
};
