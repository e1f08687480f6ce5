// Omsk time: the one clock residents, clerks, receipts and emails read (the utility is in Omsk,
// IANA `Asia/Omsk`, UTC+6 all year since 2014). Every instant shown to a person, and every "which
// day is it", goes through here, so the site, the console, the PDF and the emails agree to the
// minute whatever the server's or browser's own zone. Intl does the zone arithmetic (Node's full
// ICU and every browser carry Asia/Omsk); the few shapes the product prints are below.
import type { Locale } from './types';

export const OMSK_TIME_ZONE = 'Asia/Omsk';

/** The word after a time that says whose clock it is. */
export const OMSK_ZONE_LABEL = { ru: 'Омск', en: 'Omsk time' } as const satisfies Record<Locale, string>;

type WallClock = { year: string; month: string; day: string; hour: string; minute: string; second: string };

// Numbers only (formatToParts), so the shapes below do not depend on a locale's punctuation.
const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: OMSK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const toDate = (instant: Date | string | number): Date => {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Omsk time: not an instant: ${String(instant)}`);
  return date;
};

/** `instant`'s fields on the Omsk wall clock. */
export const omskWallClock = (instant: Date | string | number): WallClock => {
  const fields: Partial<WallClock> = {};
  for (const { type, value } of WALL_CLOCK.formatToParts(toDate(instant))) {
    if (type === 'year' || type === 'month' || type === 'day' || type === 'hour' || type === 'minute' || type === 'second') fields[type] = value;
  }
  return fields as WallClock;
};

/** The calendar day of `instant` in Omsk, `YYYY-MM-DD` (18:00 UTC is already the next day there). */
export const omskDay = (instant: Date | string | number = new Date()): string => {
  const { year, month, day } = omskWallClock(instant);
  return `${year}-${month}-${day}`;
};

/** The instant an Omsk day (`YYYY-MM-DD`) begins: midnight on the Omsk wall clock. */
export const omskDayStart = (day: string): Date => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Omsk time: a day is YYYY-MM-DD, got ${day}`);
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  // The zone's offset at that moment, read back from Intl: UTC midnight seen on the Omsk clock.
  const { year, month, day: d, hour, minute, second } = omskWallClock(asUtc);
  const offset = Date.UTC(Number(year), Number(month) - 1, Number(d), Number(hour), Number(minute), Number(second)) - asUtc;
  return new Date(asUtc - offset);
};

export type OmskFormatOptions = {
  /** `14:03:07` instead of `14:03` (the console's timelines and audit trail). */
  seconds?: boolean;
  /** Add ` (Омск)` / ` (Omsk time)`: where the reader may be elsewhere (receipts, the site). */
  zone?: boolean;
};

const withZone = (text: string, locale: Locale, zone: boolean | undefined) => (zone ? `${text} (${OMSK_ZONE_LABEL[locale]})` : text);

/** `05.01.2026` (the product writes dates day first in both languages, as on the paper bill). */
export const formatOmskDate = (instant: Date | string | number, locale: Locale, { zone }: Pick<OmskFormatOptions, 'zone'> = {}): string => {
  const { year, month, day } = omskWallClock(instant);
  return withZone(`${day}.${month}.${year}`, locale, zone);
};

/** `14:03` (24-hour clock in both languages). */
export const formatOmskTime = (instant: Date | string | number, locale: Locale, { seconds = false, zone }: OmskFormatOptions = {}): string => {
  const { hour, minute, second } = omskWallClock(instant);
  return withZone(seconds ? `${hour}:${minute}:${second}` : `${hour}:${minute}`, locale, zone);
};

/** `05.01.2026 14:03`, the shape of every table, receipt and timeline. */
export const formatOmskDateTime = (instant: Date | string | number, locale: Locale, { seconds = false, zone }: OmskFormatOptions = {}): string =>
  withZone(`${formatOmskDate(instant, locale)} ${formatOmskTime(instant, locale, { seconds })}`, locale, zone);

const LONG_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** `6 января 2026 г. в 00:05` / `6 January 2026 at 00:05`: prose (emails, the console's status line). */
export const formatOmskDateTimeLong = (instant: Date | string | number, locale: Locale, { seconds = false, zone }: OmskFormatOptions = {}): string => {
  const key = `${locale}:${seconds}`;
  let format = LONG_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: seconds ? 'medium' : 'short',
      timeZone: OMSK_TIME_ZONE,
    });
    LONG_FORMATS.set(key, format);
  }
  return withZone(format.format(toDate(instant)), locale, zone);
};
