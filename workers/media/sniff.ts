/** Image formats we accept, recognised by their first bytes (the Content-Type header alone proves nothing). */
export const PRODUCT_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
/** Chat also takes GIFs. */
export const CHAT_IMAGE_TYPES = [...PRODUCT_IMAGE_TYPES, "image/gif"] as const;
export type ImageType = (typeof CHAT_IMAGE_TYPES)[number];

/** How many leading bytes `sniffImage` needs. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** The image type the bytes really are, or undefined. */
export function sniffImage(head: Uint8Array): ImageType | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"))) return "image/gif";
  return undefined;
}

/** "image/JPEG; charset=x" → "image/jpeg"; "" when absent. image/jpg, a common misspelling, is image/jpeg. */
export function mediaTypeOf(header: string | undefined | null): string {
  const essence = (header ?? "").split(";")[0].trim().toLowerCase();
  return essence === "image/jpg" || essence === "image/pjpeg" ? "image/jpeg" : essence;
}
