// What a clerk types into a date field: 07.12.2026 (or 7.12.2026, 07/12/2026, 07-12-2026), and the
// ISO form links and old bookmarks carry. Answers YYYY-MM-DD, or null for anything that is not a
// real calendar day (31.02.2026), so the field keeps its last good value instead of guessing.
const DAY_MONTH_YEAR = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

export const parseStaffDate = (text: string): string | null => {
  const dmy = DAY_MONTH_YEAR.exec(text);
  const iso = ISO.exec(text);
  const [year, month, day] = dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
