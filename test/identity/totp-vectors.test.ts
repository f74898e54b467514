import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, otpauthUrl, totpStep } from "../../workers/identity/totp";

// RFC 6238 appendix B: the seeds are ASCII "12345678901234567890" repeated to the hash's key size.
const seed = (length: number) => new TextEncoder().encode("1234567890".repeat(7).slice(0, length));
const VECTORS: [number, string, string, string][] = [
  // [unix seconds, SHA-1, SHA-256, SHA-512], 8 digits
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP (RFC 6238 test vectors)", () => {
  it.each(VECTORS)("at %i s", async (seconds, sha1, sha256, sha512) => {
    const step = totpStep(seconds * 1000);
    expect(await hotp(seed(20), step, 8, "SHA-1")).toBe(sha1);
    expect(await hotp(seed(32), step, 8, "SHA-256")).toBe(sha256);
    expect(await hotp(seed(64), step, 8, "SHA-512")).toBe(sha512);
  });

  it("HOTP RFC 4226 appendix D, 6 digits", async () => {
    const expected = [
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ];
    for (const [counter, code] of expected.entries()) expect(await hotp(seed(20), counter)).toBe(code);
  });

  it("base32 round-trips (RFC 4648 vectors) and the otpauth URL carries the parameters apps read", () => {
    expect(base32Encode(new TextEncoder().encode("foobar"))).toBe("MZXW6YTBOI");
    expect(new TextDecoder().decode(base32Decode("mzxw 6ytb oi======"))).toBe("foobar");
    const url = new URL(otpauthUrl("JBSWY3DPEHPK3PXP", "a@b.co", "Tchat"));
    expect(url.protocol).toBe("otpauth:");
    expect(url.searchParams.get("digits")).toBe("6");
    expect(url.searchParams.get("period")).toBe("30");
    expect(url.searchParams.get("issuer")).toBe("Tchat");
  });
});
