import { describe, expect, it } from 'vitest';
import { changedRateTexts, formatRate, parseRateToCentikopecks } from './rates';

describe('parseRateToCentikopecks', () => {
  it('reads roubles per kWh with up to four decimals into hundredths of a kopeck', () => {
    expect(parseRateToCentikopecks('5,19')).toBe(51900);
    expect(parseRateToCentikopecks('5.19')).toBe(51900);
    expect(parseRateToCentikopecks('5,8712')).toBe(58712);
    expect(parseRateToCentikopecks(' 5 ')).toBe(50000);
    expect(parseRateToCentikopecks('0,0001')).toBe(1);
    expect(parseRateToCentikopecks('4,1098 ₽/кВт·ч')).toBe(41098);
    expect(parseRateToCentikopecks('6,5699 ₽')).toBe(65699);
  });

  it('is exact where floats are not (0.29 × 10000 is 2899.9999… in binary)', () => {
    expect(parseRateToCentikopecks('0,29')).toBe(2900);
    expect(parseRateToCentikopecks('1,1')).toBe(11000);
  });

  it('refuses what is not a positive rate of at most four decimals', () => {
    for (const text of ['', 'abc', '5,19123', '-5', '+5', '0', '0,0000', '1 234', '5,', ',5', '1e3', '10000', '5,1,2']) {
      expect(parseRateToCentikopecks(text), text).toBeNull();
    }
  });
});

describe('formatRate', () => {
  it('always shows the four decimals a rate is stored in, so a table lines up', () => {
    expect(formatRate(51900)).toBe('5,1900');
    expect(formatRate(58712)).toBe('5,8712');
    expect(formatRate(50000)).toBe('5,0000');
    expect(formatRate(51950)).toBe('5,1950');
    expect(formatRate(1)).toBe('0,0001');
  });

  it('round-trips with the parser', () => {
    for (const rate of [1, 99, 100, 2900, 41098, 58712, 65699, 1_000_000]) expect(parseRateToCentikopecks(formatRate(rate))).toBe(rate);
  });
});

describe('changedRateTexts', () => {
  const inForce = { SINGLE: 51_900, DAY: 58_712, NIGHT: 29_000 };
  it('a new version changes only the zones whose field was changed', () => {
    // The form starts from the rates in force: one zone edited gives one version, not three.
    expect(changedRateTexts({ typed: { SINGLE: '5,1234', DAY: formatRate(58_712), NIGHT: formatRate(29_000) }, inForce })).toEqual({ SINGLE: '5,1234' });
    // An emptied field, or the same rate written another way, changes nothing either.
    expect(changedRateTexts({ typed: { SINGLE: '', DAY: '5,8712 ₽', NIGHT: '2,9' }, inForce })).toEqual({});
    // A zone with no rate in force, and text the server must refuse on its field, are passed on.
    expect(changedRateTexts({ typed: { SINGLE: '5,12345', DAY: ' 6 ', NIGHT: '' }, inForce: { SINGLE: 51_900 } })).toEqual({ SINGLE: '5,12345', DAY: '6' });
  });
});
