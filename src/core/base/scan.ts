/**
 * Text scanning without ES2018 regex syntax: the core also runs in the older embedded browsers of WPS 加载项, which
 * cannot parse a lookbehind. Each helper does exactly what the lookbehind pattern named in its comment did
 * (test/wps/es2017-core.test.ts compares them on random text).
 */

/** `text.split(/(?<=[…])/)`: pieces end after each character of `ends`; the last piece takes the rest. */
export function splitAfter(text: string, ends: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i + 1 < text.length; i++)
    if (ends.includes(text[i])) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  out.push(text.slice(start));
  return out;
}

/**
 * The matches of `re` (global) whose first character does not follow a character in `notAfter`: `(?<![…])re`. A match
 * refused for what precedes it is retried one character later, as the regex engine does with a failed lookbehind.
 */
export function matchesNotAfter(re: RegExp, text: string, notAfter: RegExp): RegExpExecArray[] {
  const scan = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = scan.exec(text)) !== null) {
    if (m.index > 0 && notAfter.test(text[m.index - 1])) {
      scan.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
    if (m[0] === "") scan.lastIndex++;
  }
  return out;
}

/** `text.replace(/(?<=[before])re/g, f)`: `re` replaced only right after a character `before` matches. */
export function replaceAfter(text: string, re: RegExp, before: RegExp, f: (m: string) => string): string {
  return text.replace(re, (m: string, ...rest: unknown[]) => {
    const at = rest[rest.length - 2] as number;
    return at > 0 && before.test(text[at - 1]) ? f(m) : m;
  });
}
