// Texts of the page in its language (<html lang>): the part of ICU message format that Suhbat's
// message bundles use, so that the page script fills in what the server left for it:
//   {name}  {name, number}  {name, plural, =0 {…} one {…} few {…} many {…} other {…}}  with # for the number.
// Plural categories come from the browser's Intl.PluralRules (CLDR), numbers from Intl.NumberFormat,
// exactly as ICU4J does on the server.

export const lang = document.documentElement.lang || 'uz';

// A browser may lack a language's data (Chromium has no Uzbek): then numbers are grouped by a no-break
// space and times are 24-hour, as Uzbek writes them, and plurals fall back to "other", all Uzbek needs.
const known = Intl.NumberFormat.supportedLocalesOf([lang]).length > 0;
const numbers = new Intl.NumberFormat(known ? lang : 'fr');
const plurals = new Intl.PluralRules(known ? lang : 'fr');
const times = new Intl.DateTimeFormat(known ? lang : 'en-GB', { hour: '2-digit', minute: '2-digit' });

/** A time of day as the page's language writes it ("19:00", "7:00 PM"). */
export function time(date) {
  return times.format(date);
}

/** A number as the page's language writes it ("12 345", "12,345"). */
export function number(value) {
  return typeof value === 'number' ? numbers.format(value) : String(value);
}

/** The text of an ICU pattern with these values; an argument without a value stays as written. */
export function format(pattern, values, hash) {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '#' && hash !== undefined) {
      out += hash;
    } else if (c === '{') {
      const end = closing(pattern, i);
      out += argument(pattern.slice(i + 1, end), values);
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

function closing(text, open) {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') {
      depth++;
    } else if (text[j] === '}' && --depth === 0) {
      return j;
    }
  }
  return text.length - 1;
}

function argument(body, values) {
  const parts = body.split(',');
  const name = parts[0].trim();
  if (!(name in values)) {
    return `{${body}}`;
  }
  const value = values[name];
  const type = parts.length > 1 ? parts[1].trim() : '';
  if (type === 'plural') {
    const options = choices(body.slice(body.indexOf(',', body.indexOf(',') + 1) + 1));
    const category = known ? plurals.select(value) : 'other';
    const chosen = options[`=${value}`] ?? options[category] ?? options.other ?? '';
    return format(chosen, values, number(value));
  }
  return number(value);
}

function choices(text) {
  const options = {};
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) {
      break;
    }
    const end = closing(text, open);
    options[text.slice(i, open).trim()] = text.slice(open + 1, end);
    i = end + 1;
  }
  return options;
}
