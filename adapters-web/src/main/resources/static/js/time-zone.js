// The browser's time zone, told to the server in a cookie, so that every page writes its times in the viewer's zone
// (the server formats them, in the page's language). Set on every page, sign-in included, so that a change of zone
// (travel, a new computer) is seen from the next page on.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (zone) {
  const value = encodeURIComponent(zone);
  const current = document.cookie.split('; ').find((c) => c.startsWith('suhbat_tz='));
  if (current !== 'suhbat_tz=' + value) {
    const secure = location.protocol === 'https:' ? '; secure' : '';
    document.cookie = 'suhbat_tz=' + value + '; path=/; max-age=31536000; samesite=lax' + secure;
  }
}
