export const GENESIS_HASH: string;
export function canonicalJson(value: unknown): string;
export function auditRowHash(row: Record<string, unknown>, prevHash: string): string;
export function verifyRows(
  rows: Record<string, unknown>[],
  state?: { expected: number; prevHash: string; checked: number },
): { broken: string | null; expected: number; prevHash: string; checked: number };
