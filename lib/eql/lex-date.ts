/**
 * Dates and date-times in filter text: `2027-01-31`, `2027-01-31T09:00Z`,
 * `2027-01-31T09:00:00.250+10:00`. A date-time must say its time zone, so a
 * filter means the same on every server.
 */
export type ScannedDate =
  | { kind: "date" | "datetime"; end: number; epochMs: number }
  | { kind: "invalid"; end: number; reason: string; expected: string[] };

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TIME = /^T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?/;
const ZONE = /^(?:Z|([+-])(\d{2})(?::?(\d{2}))?)/;
/** How far a malformed date reaches, so the error covers it whole. */
const DATE_LIKE = /^[0-9A-Za-z:.+-]*/;

const ZONE_EXPECTED = ["Z", "+hh:mm", "-hh:mm"];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

  return days[month - 1] ?? 0;
}

/** Milliseconds since the epoch; `Date.UTC` alone would read years 0-99 as 1900-1999. */
function utc(year: number, month: number, day: number, ms: number): number {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);

  return date.getTime() + ms;
}

/** Reads a date or date-time at `start`; null when the text there does not start like one. */
export function scanDate(text: string, start: number): ScannedDate | null {
  const rest = text.slice(start, start + 48);
  if (!/^\d{4}-/.test(rest)) return null;
  const extent = start + (DATE_LIKE.exec(rest)?.[0].length ?? 0);
  const invalid = (reason: string, expected: string[] = []): ScannedDate => ({
    kind: "invalid",
    end: extent,
    reason,
    expected,
  });

  const date = DATE.exec(rest);
  if (!date) return invalid("expected a date like 2027-01-31", ["YYYY-MM-DD"]);
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return invalid(`${date[0]} is not a date on the calendar`);
  }
  let end = date[0].length;
  if (rest.charAt(end) !== "T") {
    return { kind: "date", end: start + end, epochMs: utc(year, month, day, 0) };
  }

  const time = TIME.exec(rest.slice(end));
  if (!time) return invalid("expected a time after 'T', such as T09:00:00Z", ["hh:mm"]);
  const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  const millis = Math.floor(Number(`0.${time[4] ?? 0}`) * 1000);
  if (hour > 23 || minute > 59 || second > 59) {
    return invalid(`${time[0].slice(1)} is not a time of day`);
  }
  end += time[0].length;

  const zone = ZONE.exec(rest.slice(end));
  if (!zone) {
    return invalid(
      "a date-time needs a time zone: add Z for UTC or an offset such as +10:00",
      ZONE_EXPECTED,
    );
  }
  const [zoneHours, zoneMinutes] = [Number(zone[2] ?? 0), Number(zone[3] ?? 0)];
  if (zoneHours > 23 || zoneMinutes > 59) return invalid(`${zone[0]} is not a time zone offset`);
  const offsetMs = (zone[1] === "-" ? -1 : 1) * (zoneHours * 60 + zoneMinutes) * 60_000;
  end += zone[0].length;
  const timeMs = ((hour * 60 + minute) * 60 + second) * 1000 + millis;

  return { kind: "datetime", end: start + end, epochMs: utc(year, month, day, timeMs) - offsetMs };
}
