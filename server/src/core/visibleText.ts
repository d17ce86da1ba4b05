/**
 * User text made visible before it is quoted into a message, a report or a terminal line.
 * A value from a file may hold characters that are not seen but act: ESC starts a
 * terminal escape sequence (colours, cursor moves, window titles), CR overwrites the
 * line, bidirectional overrides make `A.5.1` display as something else, zero-width
 * characters make two different ids look the same. Each such character is written as
 * an escape a person can see and search for (`\u001b`, `\n`, `\u202e`).
 */

/**
 * Invisible or acting characters: C0 controls, DEL and C1 controls; the soft hyphen;
 * bidirectional marks, embeddings, overrides and isolates; zero-width spaces and joiners,
 * the word joiner and the other invisible format characters; line and paragraph
 * separators; the byte-order mark; interlinear annotation marks; tag characters; and
 * lone surrogates (with the `u` flag, a surrogate in the class matches only when unpaired).
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\u{e0000}-\u{e007f}]/gu;

// Without the `g` flag, so that `test` keeps no state between calls.
const INVISIBLE_ANY = new RegExp(INVISIBLE.source, 'u');

const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `\t`, `\n`, `\r`, else `\u001b` (four hex digits) or `\u{e0041}` beyond the BMP. */
function escapeOne(c: string): string {
  const short = SHORT[c];
  if (short) return short;
  const code = c.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The text with every invisible or acting character escaped. `keep` lists the ones that
 * are structure where the text is going (`'\n'` for line-oriented output, `'\t\r\n'` for
 * CSV fields) and stay as they are.
 */
export function escapeInvisible(text: string, keep = ''): string {
  return text.replace(INVISIBLE, (c) => (keep.includes(c) ? c : escapeOne(c)));
}

/** True when `escapeInvisible` would change the text. */
export function hasInvisible(text: string): boolean {
  return INVISIBLE_ANY.test(text);
}

/**
 * JSON text (as `JSON.stringify` writes it) with the invisible characters it leaves raw
 * (DEL, C1 controls, bidirectional and zero-width characters …) written as `\uXXXX`.
 * Unlike `escapeInvisible` this loses nothing: a JSON reader gets the same strings back.
 * JSON.stringify already escapes C0 controls and lone surrogates, so every character
 * matched here sits inside a string, where a `\u` escape means the character itself.
 */
export function escapeInvisibleInJson(json: string): string {
  return json.replace(INVISIBLE, (c) => {
    if (c === '\n' || c === '\r' || c === '\t') return c;
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}
