import { describe, expect, it } from 'vitest';
import { maskAddress } from './address';

describe('maskAddress', () => {
  it('keeps the settlement, street and house, and hides the flat', () => {
    expect(maskAddress({ settlement: { kind: 'TOWN', name: 'Омск' }, street: 'ул. Ленина', house: '12', flat: '34' })).toBe(
      'г. Омск, ул. Ленина, д. 12, кв. ••',
    );
  });

  it('says nothing of a flat a house does not have, and abbreviates each kind of settlement', () => {
    expect(maskAddress({ settlement: { kind: 'URBAN_SETTLEMENT', name: 'Таврическое' }, street: 'ул. Ленина', house: '3', flat: null })).toBe(
      'р.п. Таврическое, ул. Ленина, д. 3',
    );
    expect(maskAddress({ settlement: { kind: 'VILLAGE', name: 'Азово' }, street: 'ул. Мира', house: '1', flat: null })).toMatch(/^с\. Азово/);
    expect(maskAddress({ settlement: { kind: 'HAMLET', name: 'Звонарёв Кут' }, street: 'ул. Мира', house: '1', flat: null })).toMatch(/^п\. Звонарёв Кут/);
  });
});
