import { z } from "zod";

/**
 * The seller center's upload limits (kept apart so config.ts stays readable): the bulk CSV of
 * prices and stock, and business verification documents.
 */
const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback).describe(`an integer from ${min} to ${max}`);

export const SELLER_UPLOAD_VARS = {
  /** A bulk price and stock CSV may be this large (it is also capped by MAX_BODY_BYTES). */
  BULK_CSV_MAX_BYTES: int(262_144, 1024, 1_048_576),
  /** Rows (besides the header) one bulk CSV may change. */
  BULK_CSV_MAX_ROWS: int(500, 1, 5000),
  /** One verification document (PDF, JPEG, PNG). */
  SHOP_DOCUMENT_MAX_BYTES: int(10_485_760, 1024, 26_214_400),
  /** Documents one verification request may carry. */
  SHOP_DOCUMENT_MAX_COUNT: int(5, 1, 20),
};

export interface SellerUploads {
  bulkCsvMaxBytes: number;
  bulkCsvMaxRows: number;
  documentMaxBytes: number;
  documentMaxCount: number;
}

type Parsed = { [K in keyof typeof SELLER_UPLOAD_VARS]: number };

export function sellerUploads(raw: Parsed): SellerUploads {
  return {
    bulkCsvMaxBytes: raw.BULK_CSV_MAX_BYTES,
    bulkCsvMaxRows: raw.BULK_CSV_MAX_ROWS,
    documentMaxBytes: raw.SHOP_DOCUMENT_MAX_BYTES,
    documentMaxCount: raw.SHOP_DOCUMENT_MAX_COUNT,
  };
}
