// URL query strings of the list pages: read what the address bar holds, write links that change
// one thing (a page, a sort) and keep the rest. Pure.

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed; undefined when absent or blank. */
export const param = (params: SearchParams, name: string): string | undefined => {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
};

/** A list parameter given as `a,b` or repeated (`?s=a&s=b`). */
export const listParam = (params: SearchParams, name: string): string[] => {
  const value = params[name];
  return (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
};

/** A positive integer parameter, or undefined (the schema's default then applies). */
export const intParam = (params: SearchParams, name: string): number | undefined => {
  const text = param(params, name);
  return text && /^\d{1,6}$/.test(text) ? Number(text) : undefined;
};

/** `path?…` with `overrides` applied to `params` (undefined removes a parameter). */
export const hrefWith = (path: string, params: SearchParams, overrides: Record<string, string | number | undefined>): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key in overrides) continue;
    for (const v of Array.isArray(value) ? value : value ? [value] : []) if (v !== '') query.append(key, v);
  }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};
