const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * Human order numbers: country, date and 6 unambiguous characters, e.g. TH-261122-7K3QDX. About
 * 887 million per country per day, so a collision (caught by the unique index) is vanishingly rare.
 */
export function orderNumber(country: string, now = new Date()): string {
  const date = now.toISOString().slice(2, 10).replace(/-/g, "");
  const random = crypto.getRandomValues(new Uint8Array(6));
  let suffix = "";
  for (const byte of random) suffix += ALPHABET[byte % ALPHABET.length];
  return `${country}-${date}-${suffix}`;
}
