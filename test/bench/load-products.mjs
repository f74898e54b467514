// Loads a large synthetic catalog into the bench's local D1 and indexes it for search.
//
//   loadCatalog({ baseUrl, mf, count })   → { products, insertSeconds, indexSeconds }
//
// 1. POST /api/v1/dev/seed (admin, categories, demo shops and products, synonym lists),
// 2. inserts `count` products (default BENCH_PRODUCTS or 100,000) straight into D1 through
//    Miniflare: each statement is `INSERT … SELECT … FROM json_each(?1)` with one bound JSON
//    parameter holding a few thousand rows, so D1's 100-bound-parameter limit never matters,
// 3. indexes them through the search indexer itself, page by page, with the admin endpoint
//    POST /api/v1/admin/search/reindex (the function the product-event consumer calls), and
//    merges the FTS index at the end.
//
// Products are deterministic (a seeded generator): names in Thai, Indonesian, Vietnamese and
// English built from realistic templates, prices in the shop's currency, ratings, sales and stock.
// The result is memoized per server, so several scenarios share one load.
import { localVars } from "../../scripts/dev-vars.mjs";

const ROWS_PER_STATEMENT = 2_000;
const STATEMENTS_PER_BATCH = 5;
const REINDEX_PAGE = 1_000;

/** mulberry32: a small deterministic generator, so every run loads the same catalog. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

const COLORS = {
  th: ["สีดำ", "สีขาว", "สีกรม", "สีแดง", "สีเทา", "สีชมพู"],
  id: ["Hitam", "Putih", "Navy", "Merah", "Abu-abu", "Pink"],
  vi: ["Đen", "Trắng", "Xanh navy", "Đỏ", "Xám", "Hồng"],
  en: ["Black", "White", "Navy", "Red", "Grey", "Pink"],
};

const n = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

/**
 * Templates per language: [category slug, brands, name(rand, brand, i), description]. About 15
 * product types per language with several brands each, so a brand or product-type query matches
 * a few thousand of 100,000 products, as on a marketplace with many sellers of the same things.
 */
const TEMPLATES = {
  th: [
    [
      "mens-clothing",
      [null],
      (r) => `เสื้อยืดคอกลมผ้าฝ้าย 100% ${pick(r, COLORS.th)} ไซส์ ${pick(r, ["S", "M", "L", "XL"])}`,
      "เสื้อยืดผ้าฝ้ายแท้ ใส่สบาย ระบายอากาศดี",
    ],
    [
      "mens-clothing",
      ["Levi's", "Wrangler", "Lee", null],
      (r, b) => `กางเกงยีนส์ขายาว ${b ?? ""} ทรงกระบอก เอว ${n(r, 28, 38)}`,
      "ผ้ายีนส์เนื้อหนา ไม่ยืด ทรงสวย",
    ],
    [
      "mobile-phones",
      ["Samsung", "OPPO", "vivo", "Xiaomi", "realme", "Apple"],
      (r, b, i) =>
        `โทรศัพท์มือถือ ${b} รุ่น ${pick(r, ["A", "Reno", "Y", "Redmi", "C"])}${i % 90} ${pick(r, ["4/64GB", "8/128GB", "8/256GB"])}`,
      "ประกันศูนย์ไทย 1 ปี เครื่องแท้ 100%",
    ],
    [
      "audio",
      ["Sony", "JBL", "Soundcore", "Marshall", "Edifier"],
      (r, b) => `หูฟังบลูทูธไร้สาย ${b} ตัดเสียงรบกวน ${pick(r, COLORS.th)}`,
      "แบตอึด ฟังเพลงได้นาน 30 ชั่วโมง",
    ],
    [
      "audio",
      ["JBL", "Marshall", "Sony", "Tronsmart"],
      (r, b) => `ลำโพงบลูทูธ ${b} กันน้ำ IPX7 ${pick(r, COLORS.th)}`,
      "เสียงดัง เบสแน่น พกพาสะดวก",
    ],
    [
      "womens-clothing",
      [null, "Lyn", "CPS"],
      (r, b) => `กระเป๋าสะพายข้างผู้หญิง ${b ?? ""} หนังแท้ ${pick(r, COLORS.th)}`,
      "กระเป๋าหนังแท้ งานตัดเย็บประณีต",
    ],
    [
      "laptops",
      ["ASUS", "Lenovo", "Acer", "HP", "MSI"],
      (r, b, i) => `โน้ตบุ๊ก ${b} ${pick(r, ["VivoBook", "IdeaPad", "Aspire", "Pavilion", "Modern"])} ${14 + (i % 3)} นิ้ว`,
      "เหมาะสำหรับทำงานและเรียนออนไลน์",
    ],
    [
      "skincare",
      ["Biore", "Nivea", "La Roche-Posay", "Skin1004", "Anessa"],
      (r, b) => `ครีมกันแดด ${b} SPF50+ PA++++ ${pick(r, [30, 50, 60])}ml`,
      "เนื้อบางเบา ไม่เหนียวเหนอะหนะ",
    ],
    [
      "shoes",
      ["Nike", "Adidas", "Converse", "Vans", "Onitsuka Tiger"],
      (r, b) => `รองเท้าผ้าใบ ${b} ${pick(r, COLORS.th)} เบอร์ ${n(r, 36, 45)}`,
      "ของแท้ 100% พื้นนุ่ม ใส่สบาย",
    ],
    [
      "kitchen",
      ["Philips", "Tefal", "Xiaomi", "Sharp", "Otto"],
      (r, b) => `หม้อทอดไร้น้ำมัน ${b} ${pick(r, [3.5, 4.5, 5.5, 6])} ลิตร`,
      "ทอดกรอบโดยไม่ใช้น้ำมัน ทำความสะอาดง่าย",
    ],
    [
      "bedding",
      [null, "Satin", "Lotus"],
      (r, b) => `ชุดผ้าปูที่นอน ${b ?? ""} ${pick(r, [3.5, 5, 6])} ฟุต ${pick(r, COLORS.th)}`,
      "ผ้านุ่ม ไม่ขึ้นขุย ซักง่าย",
    ],
    [
      "automotive",
      ["70mai", "Xiaomi", "DDPAI"],
      (r, b) => `กล้องติดรถยนต์ ${b} ${pick(r, ["1080p", "2K", "4K"])} มี WiFi`,
      "ภาพคมชัดทั้งกลางวันและกลางคืน",
    ],
    [
      "kitchen",
      ["Yeti", "Tyeso", "Zojirushi", null],
      (r, b) => `แก้วเก็บความเย็น ${b ?? ""} ${pick(r, [20, 30, 40])}oz ${pick(r, COLORS.th)}`,
      "เก็บเย็นนาน 24 ชั่วโมง",
    ],
    [
      "mobile-phones",
      [null],
      (r) => `เคสโทรศัพท์ iPhone ${n(r, 11, 16)} ${pick(r, ["Pro", "Pro Max", ""])} ใส กันกระแทก`,
      "เคสใส ไม่เหลือง กันกระแทกทุกมุม",
    ],
    [
      "snacks",
      ["Lay's", "Tasto", "Koh-Kae", "Bento"],
      (r, b) => `ขนม ${b} ${pick(r, ["รสออริจินัล", "รสบาร์บีคิว", "รสสาหร่าย", "รสเผ็ด"])} ${pick(r, [45, 75, 150])} กรัม`,
      "อร่อย กรอบ เคี้ยวเพลิน",
    ],
  ],
  id: [
    [
      "mobile-phones",
      ["Samsung", "Xiaomi", "OPPO", "realme", "vivo", "Infinix"],
      (r, b, i) =>
        `Handphone ${b} ${pick(r, ["Galaxy A", "Redmi Note ", "Reno", "C", "Y", "Hot "])}${i % 90} ${pick(r, ["4/64GB", "8/128GB", "8/256GB"])} Garansi Resmi`,
      "Garansi resmi 1 tahun, segel pabrik",
    ],
    [
      "mens-clothing",
      [null, "Erigo", "Kaosan"],
      (r, b) =>
        `Kaos Polos ${b ?? ""} Cotton Combed 30s ${pick(r, COLORS.id)} Ukuran ${pick(r, ["S", "M", "L", "XL"])}`,
      "Bahan adem, tidak luntur, jahitan rapi",
    ],
    [
      "shoes",
      ["Ortuseight", "Specs", "Adidas", "Nike", "910 Nineten"],
      (r, b) =>
        `Sepatu Lari ${b} ${pick(r, ["Hyperglide", "Lightspeed", "Runfalcon", "Revolution", "Haze"])} Pria ${pick(r, COLORS.id)}`,
      "Sol empuk dan ringan untuk lari harian",
    ],
    [
      "womens-clothing",
      [null, "Eiger", "Exsport", "Bodypack"],
      (r, b) => `Tas Ransel Wanita ${b ?? ""} Anti Air ${pick(r, COLORS.id)}`,
      "Muat laptop 14 inci, banyak kantong",
    ],
    [
      "laptops",
      ["ASUS", "Lenovo", "HP", "Acer", "Axioo"],
      (r, b, i) =>
        `Laptop ${b} ${pick(r, ["VivoBook", "IdeaPad", "Pavilion", "Aspire", "MyBook"])} ${14 + (i % 2)} Core i5 RAM 8GB`,
      "Laptop ringan untuk kerja dan kuliah",
    ],
    [
      "audio",
      ["JBL", "Xiaomi", "Baseus", "Robot", "Soundcore"],
      (r, b) => `Earphone Bluetooth ${b} TWS ${pick(r, COLORS.id)}`,
      "Suara jernih, bass mantap",
    ],
    [
      "skincare",
      ["Somethinc", "Wardah", "Scarlett", "Avoskin", "Azarine"],
      (r, b) => `Serum Wajah ${b} Niacinamide ${pick(r, [20, 30])}ml`,
      "Mencerahkan dan menyamarkan noda hitam",
    ],
    [
      "muslim-fashion",
      [null, "Zoya", "Elzatta"],
      (r, b) => `Jilbab Segi Empat ${b ?? ""} Voal ${pick(r, COLORS.id)}`,
      "Bahan voal premium, mudah dibentuk",
    ],
    [
      "mens-clothing",
      [null, "Batik Keris", "Danar Hadi"],
      (r, b) =>
        `Kemeja Batik Pria ${b ?? ""} Lengan Panjang Motif ${pick(r, ["Parang", "Kawung", "Mega Mendung", "Truntum"])}`,
      "Katun primisima, nyaman dipakai",
    ],
    [
      "kitchen",
      ["Miyako", "Cosmos", "Philips", "Yong Ma", "Sharp"],
      (r, b) => `Rice Cooker ${b} ${pick(r, [1, 1.2, 1.8, 2])} Liter Magic Com`,
      "Masak, kukus dan hangatkan nasi",
    ],
    [
      "electronics",
      ["Anker", "Baseus", "Xiaomi", "Robot", "Vivan"],
      (r, b) => `Powerbank ${b} ${pick(r, [10000, 20000, 30000])}mAh Fast Charging`,
      "Isi ulang cepat PD 20W",
    ],
    [
      "mens-clothing",
      [null, "Cardinal", "Emba"],
      (r, b) => `Celana Chino Pria ${b ?? ""} Slim Fit ${pick(r, COLORS.id)}`,
      "Bahan stretch, nyaman untuk kerja",
    ],
    [
      "kitchen",
      ["Lock&Lock", "Tupperware", "Corkcicle", null],
      (r, b) => `Botol Minum Tumbler ${b ?? ""} ${pick(r, [500, 750, 1000])}ml ${pick(r, COLORS.id)}`,
      "Tahan panas dan dingin 12 jam",
    ],
    [
      "supplements",
      [null, "Madu TJ", "Nusantara"],
      (r, b) => `Madu Hutan Asli ${b ?? ""} ${pick(r, [250, 500, 1000])}gr`,
      "Madu murni tanpa campuran",
    ],
    [
      "motorcycle-accessories",
      ["KYT", "INK", "NHK", "Cargloss"],
      (r, b) => `Helm Motor ${b} Half Face SNI ${pick(r, COLORS.id)}`,
      "Standar SNI, kaca anti gores",
    ],
  ],
  vi: [
    [
      "mobile-phones",
      ["Xiaomi", "Samsung", "OPPO", "Apple", "realme"],
      (r, b, i) =>
        `Điện thoại ${b} ${pick(r, ["Redmi Note ", "Galaxy A", "Reno", "iPhone ", "C"])}${i % 90} chính hãng ${pick(r, ["128GB", "256GB"])}`,
      "Bảo hành chính hãng 18 tháng",
    ],
    [
      "mens-clothing",
      [null, "Coolmate", "Routine"],
      (r, b) => `Áo thun nam ${b ?? ""} cổ tròn cotton ${pick(r, COLORS.vi)} size ${pick(r, ["M", "L", "XL"])}`,
      "Chất vải mềm mát, thấm hút mồ hôi",
    ],
    [
      "audio",
      ["Sony", "JBL", "Baseus", "Soundpeats", "Anker"],
      (r, b) => `Tai nghe Bluetooth ${b} chống ồn ${pick(r, COLORS.vi)}`,
      "Pin trâu, kết nối ổn định",
    ],
    [
      "laptops",
      ["Dell", "ASUS", "HP", "Lenovo", "Acer"],
      (r, b, i) =>
        `Máy tính xách tay ${b} ${pick(r, ["Inspiron", "VivoBook", "Pavilion", "ThinkPad", "Nitro"])} ${14 + (i % 2)} inch`,
      "Mỏng nhẹ, hiệu năng mạnh mẽ",
    ],
    [
      "womens-clothing",
      [null, "Ivy Moda", "Elise"],
      (r, b) => `Váy liền thân nữ ${b ?? ""} dáng xòe ${pick(r, COLORS.vi)}`,
      "Thiết kế trẻ trung, dễ phối đồ",
    ],
    [
      "skincare",
      ["Anessa", "La Roche-Posay", "Bioré", "Sunplay", "Skin Aqua"],
      (r, b) => `Kem chống nắng ${b} SPF50+ ${pick(r, [50, 60, 90])}ml`,
      "Chống nắng phổ rộng, không nhờn rít",
    ],
    [
      "kitchen",
      ["Philips", "Lock&Lock", "Sunhouse", "Xiaomi", "Kangaroo"],
      (r, b) => `Nồi chiên không dầu ${b} ${pick(r, [4, 5.5, 6.5, 7])}L`,
      "Chiên nướng giòn ngon, ít dầu mỡ",
    ],
    [
      "shoes",
      ["Biti's", "Adidas", "Nike", "Ananas", "Vans"],
      (r, b) => `Giày thể thao nam ${b} ${pick(r, COLORS.vi)} size ${n(r, 38, 44)}`,
      "Đế êm, chống trơn trượt",
    ],
    [
      "womens-clothing",
      [null, "Levi's", "Yody"],
      (r, b) => `Quần jean nữ ${b ?? ""} ống rộng lưng cao ${pick(r, COLORS.vi)}`,
      "Co giãn nhẹ, tôn dáng",
    ],
    [
      "electronics",
      ["Anker", "Baseus", "Xiaomi", "Energizer"],
      (r, b) => `Sạc dự phòng ${b} ${pick(r, [10000, 20000])}mAh sạc nhanh`,
      "Sạc nhanh PD 22.5W",
    ],
    [
      "electronics",
      ["Apple", "Samsung", "Xiaomi", "Huawei", "Amazfit"],
      (r, b, i) => `Đồng hồ thông minh ${b} ${pick(r, ["Watch ", "Band ", "GT", "Bip "])}${i % 10}`,
      "Theo dõi sức khỏe, chống nước",
    ],
    [
      "kitchen",
      ["Lock&Lock", "Elmich", "Thermos"],
      (r, b) => `Bình giữ nhiệt ${b} ${pick(r, [500, 750])}ml ${pick(r, COLORS.vi)}`,
      "Giữ nóng lạnh 12 giờ",
    ],
    [
      "coffee-tea",
      ["Trung Nguyên", "G7", "Highlands", "Phúc Long"],
      (r, b) => `Cà phê ${b} ${pick(r, ["rang xay", "hòa tan 3in1", "hạt nguyên chất"])} ${pick(r, [250, 500])}g`,
      "Hương vị đậm đà, thơm ngon",
    ],
    [
      "mother-baby",
      ["Bobby", "Huggies", "Merries", "Pampers"],
      (r, b) => `Tã dán em bé ${b} size ${pick(r, ["S", "M", "L", "XL"])} ${n(r, 40, 80)} miếng`,
      "Mỏng nhẹ, thấm hút nhanh",
    ],
  ],
  en: [
    [
      "laptops",
      ["ASUS", "Lenovo", "Apple", "Dell", "HP"],
      (r, b, i) =>
        `Notebook ${b} ${pick(r, ["ZenBook", "ThinkPad", "MacBook Air", "XPS", "Spectre"])} ${13 + (i % 3)} inch ${pick(r, ["8GB", "16GB"])}`,
      "Lightweight laptop with all-day battery",
    ],
    [
      "audio",
      ["Sony", "Apple", "Samsung", "Bose", "Jabra"],
      (r, b) => `Wireless Earbuds ${b} Noise Cancelling ${pick(r, COLORS.en)}`,
      "Active noise cancellation and fast charging",
    ],
    [
      "mobile-phones",
      ["Apple", "Samsung", "Google", "OnePlus", "Nothing"],
      (r, b, i) =>
        `${b} ${pick(r, ["iPhone ", "Galaxy S", "Pixel ", "Nord ", "Phone "])}${10 + (i % 15)} ${pick(r, ["128GB", "256GB", "512GB"])} ${pick(r, COLORS.en)}`,
      "Unlocked smartphone with official warranty",
    ],
    [
      "mens-clothing",
      ["Uniqlo", "H&M", "Giordano", null],
      (r, b) => `${b ?? "Basic"} Crew Neck Cotton T-Shirt ${pick(r, COLORS.en)}`,
      "Soft cotton tee for everyday wear",
    ],
    [
      "cameras",
      ["Canon", "Sony", "Fujifilm", "Nikon"],
      (r, b, i) => `Mirrorless Camera ${b} ${pick(r, ["EOS R", "Alpha ", "X-T", "Z"])}${i % 10} Kit Lens`,
      "24MP sensor, 4K video",
    ],
    [
      "electronics",
      ["Apple", "Garmin", "Samsung", "Huawei", "Amazfit"],
      (_r, b, i) => `Smart Watch ${b} Series ${i % 10} GPS`,
      "Heart rate, sleep and workout tracking",
    ],
    [
      "kitchen",
      ["Philips", "Ninja", "Cosori", "Instant"],
      (r, b) => `Air Fryer ${b} ${pick(r, [4, 5.5, 6.2])}L Digital`,
      "Crispy results with little or no oil",
    ],
    [
      "shoes",
      ["Nike", "Asics", "New Balance", "Hoka", "Brooks"],
      (r, b) =>
        `Running Shoes ${b} ${pick(r, ["Pegasus", "Gel-Kayano", "1080", "Clifton", "Ghost"])} ${pick(r, COLORS.en)}`,
      "Cushioned daily trainer",
    ],
    [
      "electronics",
      ["Anker", "Baseus", "UGREEN", "Belkin"],
      (r, b) => `Power Bank ${b} ${pick(r, [10000, 20000, 26800])}mAh USB-C PD`,
      "Charges phones and tablets fast",
    ],
    [
      "skincare",
      ["The Ordinary", "CeraVe", "Klairs", "Cosrx"],
      (r, b) => `Vitamin C Serum ${b} ${pick(r, [15, 30])}ml`,
      "Brightening serum for dull skin",
    ],
    [
      "kitchen",
      ["Stanley", "Hydro Flask", "Klean Kanteen"],
      (r, b) => `Stainless Steel Tumbler ${b} ${pick(r, [20, 30, 40])}oz ${pick(r, COLORS.en)}`,
      "Keeps drinks cold for 24 hours",
    ],
    [
      "sports-outdoors",
      [null, "Liforme", "Manduka"],
      (r, b) => `${b ?? ""} Yoga Mat Non-Slip ${pick(r, [4, 6, 8])}mm ${pick(r, COLORS.en)}`,
      "Extra thick and grippy",
    ],
    [
      "furniture",
      ["IKEA", "Xiaomi", "Philips", "BenQ"],
      (r, b) => `LED Desk Lamp ${b} Dimmable ${pick(r, COLORS.en)}`,
      "Eye-care lighting with USB charging port",
    ],
    [
      "coffee-tea",
      ["Nescafe", "Starbucks", "Lavazza", "illy"],
      (r, b) =>
        `Coffee Beans ${b} ${pick(r, ["Espresso Roast", "House Blend", "Arabica"])} ${pick(r, [250, 500, 1000])}g`,
      "Freshly roasted whole beans",
    ],
  ],
};

const LANGS = Object.keys(TEMPLATES);
/** Major-unit price ranges by currency; converted to minor units (IDR in whole rupiah, VND whole dong). */
const PRICE = {
  THB: [150, 45_000, 100],
  IDR: [25_000, 15_000_000, 100],
  VND: [99_000, 30_000_000, 1],
  SGD: [5, 2_500, 100],
  MYR: [10, 6_000, 100],
  PHP: [150, 60_000, 100],
  USD: [5, 2_000, 100],
};
const LANG_CURRENCY = { th: "THB", id: "IDR", vi: "VND", en: "SGD" };

async function seed(baseUrl) {
  const res = await fetch(`${baseUrl}/api/v1/dev/seed`, { method: "POST" });
  if (!res.ok) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
}

async function adminToken(baseUrl) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@tchat.example", password: localVars().SEED_ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

/** Shops by currency (the demo shops when seeded, otherwise one synthetic shop per currency). */
async function shopsByCurrency(db) {
  const { results } = await db.prepare("SELECT id, currency FROM shops").all();
  const out = {};
  for (const row of results) {
    out[row.currency] ??= [];
    out[row.currency].push(row.id);
  }
  for (const currency of Object.values(LANG_CURRENCY)) out[currency] ??= [`shp_bench_${currency.toLowerCase()}`];
  return out;
}

function buildRows(start, end, { categories, shops }) {
  const rows = [];
  const now = Date.now();
  for (let i = start; i < end; i++) {
    const rand = generator(i + 1);
    const lang = LANGS[i % LANGS.length];
    const [slug, brandList, name, description] = pick(rand, TEMPLATES[lang]);
    const brand = pick(rand, brandList);
    const currency = LANG_CURRENCY[lang];
    const [low, high, step] = PRICE[currency];
    const major = Math.round(low + (high - low) * rand() ** 3);
    const amount = currency === "VND" ? Math.round(major / 1000) * 1000 : major * step;
    const createdAt = now - Math.floor(rand() * 365 * 86_400_000);
    const id = `prd_bench${String(i).padStart(7, "0")}`;
    rows.push([
      id,
      pick(rand, shops[currency]),
      name(rand, brand, i).replace(/\s+/g, " ").trim(),
      `bench-${i}`,
      `${description}. ${pick(rand, ["Ready stock", "Pre-order", "Original", "Best seller", "Promo"])}`,
      categories.get(slug) ?? null,
      brand,
      `BENCH-${i}`,
      amount,
      currency,
      "active",
      JSON.stringify({ color: pick(rand, COLORS[lang]) }),
      Math.round(rand() * 50) / 10,
      Math.floor(rand() * 500),
      Math.floor(rand() ** 2 * 5_000),
      Math.floor(rand() * 200),
      createdAt,
      createdAt,
    ]);
  }
  return rows;
}

const INSERT = `INSERT OR IGNORE INTO products (id, shop_id, name, slug, description, category_id, brand, sku, price_amount,
  currency, status, attributes, rating_average, rating_count, sold_count, stock_snapshot, created_at, updated_at)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8,
    value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13, value ->> 14, value ->> 15, value ->> 16, value ->> 17
  FROM json_each(?1)`;

const loads = new WeakMap();

/** Loads (once per Miniflare instance) `count` products and indexes the catalog for search. */
export function loadCatalog({ baseUrl, mf, count = Number(process.env.BENCH_PRODUCTS ?? 100_000) }) {
  if (!mf) throw new Error("loadCatalog needs the bench's Miniflare instance (run through test/bench/run.mjs)");
  if (!loads.has(mf)) loads.set(mf, load(baseUrl, mf, count));
  return loads.get(mf);
}

async function load(baseUrl, mf, count) {
  const db = await mf.getD1Database("DB");
  await seed(baseUrl);
  const { results: cats } = await db.prepare("SELECT id, slug FROM categories").all();
  const context = { categories: new Map(cats.map((c) => [c.slug, c.id])), shops: await shopsByCurrency(db) };

  let started = Date.now();
  for (let i = 0; i < count; i += ROWS_PER_STATEMENT * STATEMENTS_PER_BATCH) {
    const statements = [];
    for (let s = i; s < Math.min(count, i + ROWS_PER_STATEMENT * STATEMENTS_PER_BATCH); s += ROWS_PER_STATEMENT) {
      const rows = buildRows(s, Math.min(count, s + ROWS_PER_STATEMENT), context);
      statements.push(db.prepare(INSERT).bind(JSON.stringify(rows)));
    }
    await db.batch(statements);
  }
  const insertSeconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `  loaded ${count.toLocaleString("en")} products into D1 in ${insertSeconds.toFixed(1)}s; indexing… `,
  );

  started = Date.now();
  let token = await adminToken(baseUrl);
  let after;
  let indexed = 0;
  for (;;) {
    const body = JSON.stringify({ limit: REINDEX_PAGE, optimize: true, ...(after ? { after } : {}) });
    let res = await fetch(`${baseUrl}/api/v1/admin/search/reindex`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
    });
    if (res.status === 401) {
      token = await adminToken(baseUrl);
      continue;
    }
    if (!res.ok) throw new Error(`reindex failed: ${res.status} ${await res.text()}`);
    const page = await res.json();
    indexed += page.indexed;
    if (page.next === null) break;
    after = page.next;
    res = null;
  }
  const indexSeconds = (Date.now() - started) / 1000;
  const { results } = await db.prepare("SELECT count(*) AS n FROM search_docs WHERE live = 1").all();
  console.log(
    `${indexed.toLocaleString("en")} indexed in ${indexSeconds.toFixed(1)}s (${results[0].n} live documents)`,
  );
  return { products: count, insertSeconds, indexSeconds, liveDocuments: results[0].n };
}
