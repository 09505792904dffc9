/** Opaque pagination cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(values: Array<string | number | null>): string {
  return btoa(JSON.stringify(values)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export class CursorError extends Error {}

/** Decodes a cursor and checks its shape, so a forged one is a clear 400, not a crash. */
export function decodeCursor(cursor: string, shape: Array<"string" | "number" | "nullable-number" | "nullable-string">): Array<any> {
  let values: unknown;
  try {
    values = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    throw new CursorError("The cursor is malformed; use next_cursor from a previous page.");
  }
  const ok =
    Array.isArray(values) &&
    values.length === shape.length &&
    values.every((v, i) => {
      const t = shape[i]!;
      if (t.startsWith("nullable-") && v === null) return true;
      return typeof v === t.replace("nullable-", "");
    });
  if (!ok) throw new CursorError("The cursor is malformed; use next_cursor from a previous page.");
  return values as Array<any>;
}
