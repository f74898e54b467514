import { useEffect, useState } from "preact/hooks";

/**
 * A QR code drawn from a payment string (QRIS, PromptPay: EMV payloads) as SVG, one path for all
 * dark modules. The encoder (uqr) is loaded only when a QR is to be shown, not with the page.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [path, setPath] = useState<{ d: string; size: number } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    import("uqr").then(
      ({ encode }) => {
        const qr = encode(value, { ecc: "M", border: 2 });
        let d = "";
        qr.data.forEach((row, y) => {
          row.forEach((dark, x) => {
            if (dark) d += `M${x} ${y}h1v1h-1z`;
          });
        });
        if (current) setPath({ d, size: qr.size });
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [value]);
  if (failed) return <code class="qr-text">{value}</code>;
  if (!path) return <span class="qr qr-loading" aria-hidden="true" />;
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${path.size} ${path.size}`}
      shape-rendering="crispEdges"
      data-testid="qr"
    >
      <rect width={path.size} height={path.size} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
