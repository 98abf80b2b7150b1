// Days and numbers on the dashboard as the page's language writes them ("5-mar", "5 мар.", "Mar 5";
// "12 345", "12,345"); the year is in the range picker. The server writes the days (a browser may lack a
// language's month names: Chromium shows "M11" for Uzbek); a day it did not write is formatted here, in UTC.

export function formats(labels) {
  const lang = labels.lang || document.documentElement.lang || 'uz';
  let dayLabels = {};
  try {
    dayLabels = JSON.parse(labels.dayLabels || '{}');
  } catch (e) {
    dayLabels = {};
  }
  const dayFormat = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  // counts: the browser's own format when it knows the language, else grouped by the server's separator
  const known = Intl.NumberFormat.supportedLocalesOf([lang]).length > 0;
  const numberFormat = new Intl.NumberFormat(known ? lang : 'en');
  const group = labels.groupSeparator || ',';
  return {
    lang,
    shortDate: (iso) => dayLabels[iso] || dayFormat.format(new Date(iso + 'T00:00:00Z')),
    count: (value) => {
      const text = numberFormat.format(value);
      return known ? text : text.replace(/,/g, group);
    }
  };
}
