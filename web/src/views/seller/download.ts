/**
 * Saves text the API answered (a CSV) as a file. The API needs the bearer token, which a plain
 * link cannot carry, so the page fetches it and hands the browser a blob to save.
 */
export function saveText(text: string, filename: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const DAY_MS = 86_400_000;

/** Today and 30 days before it, as the date inputs show them (YYYY-MM-DD, UTC like the API). */
export function lastThirtyDays(): { from: string; to: string } {
  const now = Date.now();
  return {
    from: new Date(now - 30 * DAY_MS).toISOString().slice(0, 10),
    to: new Date(now).toISOString().slice(0, 10),
  };
}
