// The terminal's width as a value, without loading any text measuring (so that `route --json`,
// which lays out nothing, starts without it; layout.ts does the measuring).

/** The terminal's width, or null when output does not go to a terminal. */
export type Width = number | null;

/** Below this a terminal is treated as this wide: a layout for 20 columns helps nobody. */
const NARROWEST = 40;

/** The width to lay out for: the stream's columns on a terminal, else null. */
export function widthOf(stream: { isTTY?: boolean; columns?: number }): Width {
  if (!stream.isTTY) return null;
  return Math.max(NARROWEST, stream.columns ?? 80);
}
