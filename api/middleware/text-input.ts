// Text arriving from clients (URL, JSON bodies, multipart file names) must be valid UTF-8 without control
// characters: Postgres refuses NUL in text (a 500 otherwise), and control characters in names only ever
// cause harm downstream (logs, file names, CSV headers). Checked once per input here, not per route.
import { badRequest } from '../errors.js';

/** C0 controls and DEL, except tab, line feed and carriage return (legitimate in free text). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Any C0 control or DEL: names and URLs have no use for tabs or line breaks either. */
const ANY_CONTROL = /[\u0000-\u001F\u007F]/;

const describe = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Throws 400 if `s` holds a control character; `where` names the input in the message. */
export function refuseControlCharacters(s: string, where: string, strict = false): void {
  const m = (strict ? ANY_CONTROL : CONTROL).exec(s);
  if (m) throw badRequest(`${where} contains the control character ${describe(m[0])}, which is not allowed`);
}

/**
 * The URL's path and query: percent-escapes must decode to UTF-8 (Hono keeps an undecodable value as its
 * raw text, so "%FF" would silently become a name) and must not encode control characters.
 */
export function checkUrlText(url: string): void {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  // The HTTP parser admits no raw control characters or non-ASCII bytes in the request line.
  if (start >= 0 && url.includes('%', start)) checkPercentEncoded(url.slice(start), 'the URL');
}

/** Percent-encoded text (a URL, a form body): escapes must decode to UTF-8 and not to control characters. */
export function checkPercentEncoded(text: string, where: string): void {
  const m = /%(?:[01][0-9A-Fa-f]|7[Ff])/.exec(text);
  if (m) throw badRequest(`${where} contains the control character U+00${m[0].slice(1).toUpperCase()}, which is not allowed`);
  try {
    decodeURIComponent(text);
  } catch {
    throw badRequest(`${where} contains a percent-escape that is not valid UTF-8`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a request body as strict UTF-8 (400 on invalid bytes instead of silent U+FFFD replacements). */
export function decodeUtf8(bytes: Uint8Array, where: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw badRequest(`${where} is not valid UTF-8`);
  }
}

/**
 * A control character written as a JSON escape (`\u0000`). Raw ones already make the JSON invalid (400);
 * an escaped backslash before `u` (`\\u0000`, the six characters themselves) is not one.
 */
const JSON_ESCAPED_CONTROL = /(?<!\\)(?:\\\\)*\\u00(?:0[0-8BbCcEeFf]|1[0-9A-Fa-f]|7[Ff])/;

export function refuseJsonControlCharacters(text: string): void {
  if (!text.includes('\\u')) return;
  const m = JSON_ESCAPED_CONTROL.exec(text);
  if (m) {
    const code = m[0].slice(-4).toUpperCase();
    throw badRequest(`the JSON body contains the control character U+${code}, which is not allowed`);
  }
}
