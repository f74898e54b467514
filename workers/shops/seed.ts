import { shops } from "../../d1/schema/shops";
import type { Country } from "../../schemas/identity";
import type { ShopContact } from "../../schemas/shops";
import { seedSellerWrites } from "../identity";
import type { Database } from "../platform/db";
import { crockford } from "../platform/ids";
import { encryptContact } from "./present";
import { COUNTRY_CURRENCY } from "./rules";

/**
 * A deterministic id in the shape newId gives (`prefix_` + 10 time characters + 16 more), so demo
 * data gets the same ids on every machine and a re-run never duplicates it.
 */
export function seedId(prefix: string, time: number, n: number): string {
  return `${prefix}_${crockford(time, 10)}SEED${crockford(n, 12)}`;
}

/** When the demo data "happened": fixed, so seeded ids and timestamps are the same everywhere. */
export const SEED_TIME = Date.UTC(2026, 9, 1);

export interface SeedShop {
  key: string;
  country: Country;
  name: string;
  description: string;
  category: string;
  verified: boolean;
  seller: { email: string; displayName: string };
  contact: ShopContact;
}

/**
 * Demo shops in six countries, each owned by its own seller account (password: SEED_ADMIN_PASSWORD),
 * each with a pickup address couriers can place (real districts, provinces and postal codes).
 */
export const SEED_SHOPS: SeedShop[] = [
  {
    key: "th-gadget",
    country: "TH",
    name: "Bangkok Gadget Hub",
    description: "มือถือ โน้ตบุ๊ก หูฟัง ของแท้ประกันศูนย์ไทย ส่งไวทั่วประเทศ",
    category: "electronics",
    verified: true,
    seller: { email: "seller.bangkok@tchat.example", displayName: "สมชาย ใจดี" },
    contact: {
      phone: "+6621234567",
      email: "hello@bkkgadget.example",
      address: "MBK Center ชั้น 4 กรุงเทพฯ 10330",
      pickupAddress: {
        street: "444 ถนนพญาไท",
        street2: "MBK Center ชั้น 4",
        city: "วังใหม่, ปทุมวัน",
        province: "กรุงเทพมหานคร",
        postalCode: "10330",
      },
    },
  },
  {
    key: "th-living",
    country: "TH",
    name: "Siam Beauty & Living",
    description: "สกินแคร์ แฟชั่น ของใช้ในบ้าน และขนมไทย คัดสรรคุณภาพ",
    category: "beauty-health",
    verified: true,
    seller: { email: "seller.chiangmai@tchat.example", displayName: "มาลี ศรีสุข" },
    contact: {
      phone: "+6653123456",
      email: "shop@siamliving.example",
      address: "ถนนนิมมานเหมินท์ เชียงใหม่ 50200",
      pickupAddress: {
        street: "12 ถนนนิมมานเหมินท์ ซอย 9",
        city: "สุเทพ, เมืองเชียงใหม่",
        province: "เชียงใหม่",
        postalCode: "50200",
      },
    },
  },
  {
    key: "id-elektronik",
    country: "ID",
    name: "Toko Jaya Elektronik",
    description: "Handphone, laptop dan elektronik rumah tangga bergaransi resmi. Kirim dari Jakarta.",
    category: "electronics",
    verified: true,
    seller: { email: "seller.jakarta@tchat.example", displayName: "Budi Santoso" },
    contact: {
      phone: "+622155501234",
      email: "cs@jayaelektronik.example",
      address: "Mangga Dua Mall Lt. 3, Jakarta 10730",
      pickupAddress: {
        street: "Jl. Mangga Dua Raya No. 8",
        street2: "Mangga Dua Mall Lt. 3",
        city: "Sawah Besar, Jakarta Pusat",
        province: "DKI Jakarta",
        postalCode: "10730",
      },
    },
  },
  {
    key: "id-nusantara",
    country: "ID",
    name: "Nusantara Fashion & Kopi",
    description: "Busana muslim, pakaian, kopi nusantara dan camilan khas daerah.",
    category: "fashion",
    verified: false,
    seller: { email: "seller.bandung@tchat.example", displayName: "Siti Rahmawati" },
    contact: {
      phone: "+62224201234",
      address: "Jl. Braga No. 10, Bandung 40111",
      pickupAddress: {
        street: "Jl. Braga No. 10",
        city: "Sumur Bandung, Kota Bandung",
        province: "Jawa Barat",
        postalCode: "40111",
      },
    },
  },
  {
    key: "vn-saigon",
    country: "VN",
    name: "Saigon Home & Fashion",
    description: "Đồ gia dụng, thời trang và đặc sản Việt Nam chính hãng, giao nhanh toàn quốc.",
    category: "home-living",
    verified: true,
    seller: { email: "seller.saigon@tchat.example", displayName: "Nguyễn Văn An" },
    contact: {
      phone: "+842838234567",
      email: "lienhe@saigonhome.example",
      address: "123 Lê Lợi, Quận 1, TP. Hồ Chí Minh",
      // Parcels leave from the shop's warehouse in Quận 10 ("ward, district" in city, as GHN places it).
      pickupAddress: {
        street: "268 Lý Thường Kiệt",
        city: "Phường 14, Quận 10",
        province: "Hồ Chí Minh",
        postalCode: "72500",
      },
    },
  },
  {
    key: "sg-tech",
    country: "SG",
    name: "Lion City Tech",
    description: "Local-set phones, laptops and audio with official Singapore warranty.",
    category: "electronics",
    verified: true,
    seller: { email: "seller.singapore@tchat.example", displayName: "Tan Wei Ming" },
    contact: {
      phone: "+6561234567",
      email: "sales@lioncitytech.example",
      address: "Funan, 107 North Bridge Rd, Singapore 179105",
      pickupAddress: {
        street: "107 North Bridge Rd",
        street2: "#03-12 Funan",
        city: "Singapore",
        province: "Singapore",
        postalCode: "179105",
      },
    },
  },
  {
    key: "my-home",
    country: "MY",
    name: "KL Home Essentials",
    description: "Barangan rumah, dapur, fesyen dan makanan Malaysia. Home, kitchen and Raya collections.",
    category: "home-living",
    verified: true,
    seller: { email: "seller.kualalumpur@tchat.example", displayName: "Nurul Aisyah" },
    contact: {
      phone: "+60321612345",
      email: "hello@klhome.example",
      address: "Jalan Tuanku Abdul Rahman, 50100 Kuala Lumpur",
      pickupAddress: {
        street: "88 Jalan Tuanku Abdul Rahman",
        city: "Kuala Lumpur",
        province: "Wilayah Persekutuan Kuala Lumpur",
        postalCode: "50100",
      },
    },
  },
  {
    key: "ph-mart",
    country: "PH",
    name: "Manila Everyday Mart",
    description: "Groceries, pasalubong, home appliances and gadgets delivered across Metro Manila.",
    category: "food-beverages",
    verified: false,
    seller: { email: "seller.manila@tchat.example", displayName: "Maria Santos" },
    contact: {
      phone: "+63281234567",
      email: "support@manilamart.example",
      address: "Quiapo, Manila 1001",
      pickupAddress: {
        street: "560 Quezon Blvd",
        city: "Quiapo, Manila",
        province: "Metro Manila",
        postalCode: "1001",
      },
    },
  },
];

export const seedShopId = (index: number) => seedId("shp", SEED_TIME, index + 1);
const seedSellerId = (index: number) => seedId("usr", SEED_TIME, index + 1);

/** Seller accounts (identity's) and their shops, in one batch (sellers sign in with SEED_ADMIN_PASSWORD). */
export async function seedShops(env: Env, db: Database): Promise<{ sellers: number; shops: number }> {
  const sellerWrites = await seedSellerWrites(
    env,
    db,
    SEED_SHOPS.map((shop, i) => ({ id: seedSellerId(i), country: shop.country, ...shop.seller })),
    SEED_TIME,
  );
  const shopRows: (typeof shops.$inferInsert)[] = [];
  for (const [i, shop] of SEED_SHOPS.entries()) {
    shopRows.push({
      id: seedShopId(i),
      ownerId: seedSellerId(i),
      name: shop.name,
      description: shop.description,
      category: shop.category,
      country: shop.country,
      currency: COUNTRY_CURRENCY[shop.country],
      contactEnc: await encryptContact(env, shop.contact),
      verificationStatus: shop.verified ? "verified" : "pending",
      verifiedAt: shop.verified ? SEED_TIME : null,
      createdAt: SEED_TIME,
      updatedAt: SEED_TIME,
    });
  }
  // 13 shop columns: 5 rows per statement stay under D1's 100 bound parameters.
  const shopWrites = [];
  for (let i = 0; i < shopRows.length; i += 5) {
    shopWrites.push(
      db
        .insert(shops)
        .values(shopRows.slice(i, i + 5))
        .onConflictDoNothing()
        .returning({ id: shops.id }),
    );
  }
  const [first, ...rest] = [...sellerWrites, ...shopWrites];
  const results = await db.batch([first, ...rest]);
  const sellers = results.slice(0, sellerWrites.length).reduce((n, r) => n + r.length, 0);
  return { sellers, shops: results.reduce((n, r) => n + r.length, 0) - sellers };
}
