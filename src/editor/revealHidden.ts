// Code shown to a reader who must decide whether to run it is shown as JavaScript reads it: every
// character that ends a line for JavaScript but not on screen (a lone CR, U+2028, U+2029) breaks the
// line there, and every character that hides or reorders text (controls, bidi overrides, zero-width
// and other invisible characters, odd spaces) and every long run of blanks becomes a visible marker.
// Without this, `ok(); // typo\r` followed by spaces and a statement shows one innocent line.

/** A piece of a revealed line: text as it is, or a marker standing for something invisible. */
export type RevealedPiece = { text: string } | { marker: string; title: string };

// Markers travel through the line diff inside the text, between two private-use characters; every
// private-use character in the source is itself a marker, so the source cannot forge one.
const OPEN = "\uE000";
const CLOSE = "\uE001";

// JavaScript's line terminators; CRLF is one line break on screen and to JavaScript alike.
const LINE_BREAK = /\r\n|\r|\u2028|\u2029/g;
const BREAK_NAMES: Record<string, string> = { "\r": "CR", "\u2028": "LS", "\u2029": "PS" };
const BREAK_TITLES: Record<string, string> = {
  "\r": "carriage return: JavaScript starts a new line here",
  "\u2028": "line separator: JavaScript starts a new line here",
  "\u2029": "paragraph separator: JavaScript starts a new line here",
};

// Controls (tab and line breaks aside), format characters (bidi controls, zero-width characters, BOM, soft hyphen,
// tags), private use, surrogates and unassigned code points, spaces other than U+0020, and the
// invisible letters and marks that pass for nothing: Hangul fillers, the braille blank, variation
// selectors, the combining grapheme joiner, Khmer and Mongolian invisibles.
const HIDDEN =
  /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}]|(?! )\p{Zs}|[\u115F\u1160\u3164\uFFA0\u2800\u034F\u17B4\u17B5\u180B-\u180F\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;

/** Runs of blanks at least this long are shown as a count (they push code out of sight). */
export const LONG_BLANKS = 40;

/**
 * The source as the diff compares it: JavaScript's line breaks as "\n" (a marker before each one
 * that is not a plain line feed), hidden characters and long runs of blanks as markers.
 */
export function revealSource(source: string): string {
  return source
    .replace(HIDDEN, (char) => marker(codePoint(char), describe(char)))
    .replace(new RegExp(`[ \\t]{${LONG_BLANKS},}`, "g"), (run) => marker(`${run.length} blanks`, `${run.length} spaces or tabs in a row`))
    .replace(LINE_BREAK, (brk) => (brk === "\r\n" ? "\n" : `${marker(BREAK_NAMES[brk]!, BREAK_TITLES[brk]!)}\n`));
}

/** A line of revealSource's output, split into text and markers for display. */
export function splitMarkers(line: string): RevealedPiece[] {
  const pieces: RevealedPiece[] = [];
  let at = 0;
  for (const match of line.matchAll(/\uE000([^\uE001]*)\uE001/g)) {
    if (match.index > at) pieces.push({ text: line.slice(at, match.index) });
    const [label, title] = match[1]!.split("\u0000");
    pieces.push({ marker: label!, title: title ?? label! });
    at = match.index + match[0].length;
  }
  if (at < line.length) pieces.push({ text: line.slice(at) });
  return pieces;
}

/** True when the line (of revealSource's output) holds a marker. */
export function hasMarker(line: string): boolean {
  return line.includes(OPEN);
}

/** A marker with `label` (shown) and `title` (said on hover), to put in revealed text. */
export function marker(label: string, title: string): string {
  return `${OPEN}${label}\u0000${title}${CLOSE}`;
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function describe(char: string): string {
  const cp = char.codePointAt(0)!;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c) {
    return `${codePoint(char)}: a bidirectional control, which reorders how the text around it is shown`;
  }
  return `${codePoint(char)}: a character that shows as nothing, or as a plain space`;
}
