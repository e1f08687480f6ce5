// Which form field an /api/v1 error belongs next to (aria-describedby ties its words to that field):
// the API names fields in validation issues, INVALID_INPUT params, and the quote's params (zone).
import type { MeterZone } from '@voltpay/domain';
import type { ApiErrorBody } from '../api/schemas';

/**
 * A dotted field path of the step's form (`accountNumber`, `readings.DAY.end`, `amount`, `email`,
 * `period`), `total` for refusals of the whole sum, or null for errors that belong to the form.
 * `zones` turns an issue's reading index (`readings.1.end`) into the zone the form names.
 */
export const fieldOfApiError = ({ error, zones = [] }: { error: ApiErrorBody; zones?: readonly MeterZone[] }): string | null => {
  const path = error.issues?.[0]?.path;
  if (error.code === 'VALIDATION_FAILED' && path && path.length > 0 && path[0] !== 'query' && path[0] !== 'params') {
    if (path[0] === 'readings' && typeof path[1] === 'number') {
      const zone = zones[path[1]];
      if (!zone) return 'readings';
      return typeof path[2] === 'string' ? `readings.${zone}.${path[2]}` : `readings.${zone}.end`;
    }
    if (path[0] === 'amountKopecks') return 'amount';
    return path.map(String).join('.');
  }
  const params = error.params ?? {};
  const zone = typeof params.zone === 'string' ? params.zone : null;
  switch (error.code) {
    case 'ACCOUNT_NOT_FOUND':
    case 'TOO_MANY_REQUESTS':
      return 'accountNumber';
    case 'INVALID_INPUT':
      return typeof params.field === 'string' ? params.field : null;
    case 'READING_INVALID':
    case 'READING_OVER_CAPACITY':
      return zone ? `readings.${zone}.${params.field === 'start' ? 'start' : 'end'}` : 'readings';
    case 'READING_START_MISMATCH':
      return zone ? `readings.${zone}.start` : 'readings';
    case 'READINGS_CHANGED':
    case 'READING_WENT_BACKWARDS':
    case 'CONSUMPTION_TOO_HIGH':
      return zone ? `readings.${zone}.end` : 'readings';
    case 'NO_TARIFF':
    case 'READINGS_ZONES_MISMATCH':
      return 'readings';
    case 'AMOUNT_INVALID':
      return 'amount';
    case 'TOTAL_NOT_POSITIVE':
    case 'TOTAL_OVER_CEILING':
      return 'total';
    default:
      return null;
  }
};
