type Names = { en: string; th: string; id: string; vi: string; ms: string; fil: string };

export interface SeedCategory {
  slug: string;
  names: Names;
  children?: SeedCategory[];
}

/** The demo category tree, named in every supported language. */
export const CATEGORY_TREE: SeedCategory[] = [
  {
    slug: "electronics",
    names: {
      en: "Electronics",
      th: "อิเล็กทรอนิกส์",
      id: "Elektronik",
      vi: "Điện tử",
      ms: "Elektronik",
      fil: "Electronics",
    },
    children: [
      {
        slug: "mobile-phones",
        names: {
          en: "Mobile Phones",
          th: "โทรศัพท์มือถือ",
          id: "Handphone",
          vi: "Điện thoại di động",
          ms: "Telefon Bimbit",
          fil: "Mga Cellphone",
        },
      },
      {
        slug: "laptops",
        names: {
          en: "Laptops",
          th: "แล็ปท็อป",
          id: "Laptop",
          vi: "Máy tính xách tay",
          ms: "Komputer Riba",
          fil: "Mga Laptop",
        },
      },
      {
        slug: "audio",
        names: { en: "Audio", th: "เครื่องเสียง", id: "Audio", vi: "Âm thanh", ms: "Audio", fil: "Audio" },
      },
      {
        slug: "cameras",
        names: { en: "Cameras", th: "กล้อง", id: "Kamera", vi: "Máy ảnh", ms: "Kamera", fil: "Mga Camera" },
      },
    ],
  },
  {
    slug: "fashion",
    names: { en: "Fashion", th: "แฟชั่น", id: "Fashion", vi: "Thời trang", ms: "Fesyen", fil: "Fashion" },
    children: [
      {
        slug: "womens-clothing",
        names: {
          en: "Women's Clothing",
          th: "เสื้อผ้าผู้หญิง",
          id: "Pakaian Wanita",
          vi: "Thời trang nữ",
          ms: "Pakaian Wanita",
          fil: "Damit Pambabae",
        },
      },
      {
        slug: "mens-clothing",
        names: {
          en: "Men's Clothing",
          th: "เสื้อผ้าผู้ชาย",
          id: "Pakaian Pria",
          vi: "Thời trang nam",
          ms: "Pakaian Lelaki",
          fil: "Damit Panlalaki",
        },
      },
      {
        slug: "muslim-fashion",
        names: {
          en: "Muslim Fashion",
          th: "แฟชั่นมุสลิม",
          id: "Busana Muslim",
          vi: "Thời trang Hồi giáo",
          ms: "Fesyen Muslimah",
          fil: "Muslim Fashion",
        },
      },
      {
        slug: "shoes",
        names: { en: "Shoes", th: "รองเท้า", id: "Sepatu", vi: "Giày dép", ms: "Kasut", fil: "Sapatos" },
      },
    ],
  },
  {
    slug: "home-living",
    names: {
      en: "Home & Living",
      th: "บ้านและที่อยู่อาศัย",
      id: "Rumah Tangga",
      vi: "Nhà cửa & Đời sống",
      ms: "Rumah & Gaya Hidup",
      fil: "Bahay at Pamumuhay",
    },
    children: [
      {
        slug: "kitchen",
        names: { en: "Kitchen", th: "เครื่องครัว", id: "Dapur", vi: "Nhà bếp", ms: "Dapur", fil: "Kusina" },
      },
      {
        slug: "furniture",
        names: { en: "Furniture", th: "เฟอร์นิเจอร์", id: "Furnitur", vi: "Nội thất", ms: "Perabot", fil: "Muwebles" },
      },
      {
        slug: "bedding",
        names: {
          en: "Bedding",
          th: "เครื่องนอน",
          id: "Perlengkapan Tidur",
          vi: "Chăn ga gối",
          ms: "Cadar & Tilam",
          fil: "Kama at Kumot",
        },
      },
    ],
  },
  {
    slug: "beauty-health",
    names: {
      en: "Beauty & Health",
      th: "ความงามและสุขภาพ",
      id: "Kecantikan & Kesehatan",
      vi: "Sắc đẹp & Sức khỏe",
      ms: "Kecantikan & Kesihatan",
      fil: "Kagandahan at Kalusugan",
    },
    children: [
      {
        slug: "skincare",
        names: {
          en: "Skincare",
          th: "ดูแลผิว",
          id: "Perawatan Kulit",
          vi: "Chăm sóc da",
          ms: "Penjagaan Kulit",
          fil: "Skincare",
        },
      },
      {
        slug: "makeup",
        names: { en: "Makeup", th: "เครื่องสำอาง", id: "Makeup", vi: "Trang điểm", ms: "Solekan", fil: "Makeup" },
      },
      {
        slug: "supplements",
        names: {
          en: "Supplements",
          th: "อาหารเสริม",
          id: "Suplemen",
          vi: "Thực phẩm chức năng",
          ms: "Suplemen",
          fil: "Mga Suplemento",
        },
      },
    ],
  },
  {
    slug: "food-beverages",
    names: {
      en: "Food & Beverages",
      th: "อาหารและเครื่องดื่ม",
      id: "Makanan & Minuman",
      vi: "Thực phẩm & Đồ uống",
      ms: "Makanan & Minuman",
      fil: "Pagkain at Inumin",
    },
    children: [
      {
        slug: "snacks",
        names: { en: "Snacks", th: "ขนมขบเคี้ยว", id: "Camilan", vi: "Đồ ăn vặt", ms: "Snek", fil: "Meryenda" },
      },
      {
        slug: "coffee-tea",
        names: {
          en: "Coffee & Tea",
          th: "กาแฟและชา",
          id: "Kopi & Teh",
          vi: "Cà phê & Trà",
          ms: "Kopi & Teh",
          fil: "Kape at Tsaa",
        },
      },
      {
        slug: "instant-food",
        names: {
          en: "Instant Food",
          th: "อาหารสำเร็จรูป",
          id: "Makanan Instan",
          vi: "Thực phẩm ăn liền",
          ms: "Makanan Segera",
          fil: "Instant na Pagkain",
        },
      },
    ],
  },
  {
    slug: "mother-baby",
    names: {
      en: "Mother & Baby",
      th: "แม่และเด็ก",
      id: "Ibu & Bayi",
      vi: "Mẹ & Bé",
      ms: "Ibu & Bayi",
      fil: "Nanay at Sanggol",
    },
  },
  {
    slug: "sports-outdoors",
    names: {
      en: "Sports & Outdoors",
      th: "กีฬาและกิจกรรมกลางแจ้ง",
      id: "Olahraga & Outdoor",
      vi: "Thể thao & Dã ngoại",
      ms: "Sukan & Luar",
      fil: "Palakasan at Outdoor",
    },
  },
  {
    slug: "automotive",
    names: { en: "Automotive", th: "ยานยนต์", id: "Otomotif", vi: "Ô tô & Xe máy", ms: "Automotif", fil: "Automotive" },
    children: [
      {
        slug: "motorcycle-accessories",
        names: {
          en: "Motorcycle Accessories",
          th: "อุปกรณ์มอเตอร์ไซค์",
          id: "Aksesoris Motor",
          vi: "Phụ kiện xe máy",
          ms: "Aksesori Motosikal",
          fil: "Accessories ng Motorsiklo",
        },
      },
    ],
  },
];
