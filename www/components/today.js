// The device's day, in one place: what every search is made on (whether a vacancy is
// still news), what a signed file's expiry is checked against, and how old a record is.

/** Today on this device, as YYYY-MM-DD (its own time zone: the day a survivor sees). */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from an ISO date to today (never negative). */
export function daysSince(isoDate) {
  const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86400000;
  return Math.max(0, Math.round(day(today()) - day(isoDate)));
}
