import type { Schemas } from "../../api/client";

// The device a session belongs to (CONTRACT.md "Identity": sign-ins carry `device`): one id per
// browser profile, kept across visits, so the sessions list names it and a second sign-in from the
// same browser is not a "new device" alert.

const DEVICE_KEY = "tchat.deviceId";
let memoryId: string | null = null;

function deviceId(): string {
  try {
    const saved = localStorage.getItem(DEVICE_KEY);
    if (saved) return saved;
    const id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    // Storage off (private mode): this page's id only.
    memoryId ??= `web-${crypto.randomUUID()}`;
    return memoryId;
  }
}

/** "Chrome on Android": enough for a person to tell their sessions apart. */
function deviceName(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Browser";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return os ? `${browser} on ${os}` : browser;
}

export function thisDevice(): Schemas["Device"] {
  return { id: deviceId(), platform: "web", name: deviceName() };
}
