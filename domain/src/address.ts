// What of an account's address a resident may see (DESIGN §2.4): the account look-up shows it for
// the resident to check, the receipt prints it, so both mask it by this one rule.

/** How a settlement's kind is abbreviated before its name (the database's SettlementKind). */
export type SettlementKind = 'TOWN' | 'URBAN_SETTLEMENT' | 'VILLAGE' | 'HAMLET';

const SETTLEMENT_PREFIX: Record<SettlementKind, string> = { TOWN: 'г.', URBAN_SETTLEMENT: 'р.п.', VILLAGE: 'с.', HAMLET: 'п.' };
const FLAT_MASK = '••';

/**
 * Street and house, flat hidden: enough for residents to recognise their home, not enough for a
 * stranger typing random numbers to learn who lives where.
 */
export const maskAddress = (account: { settlement: { kind: SettlementKind; name: string }; street: string; house: string; flat: string | null }): string =>
  [
    `${SETTLEMENT_PREFIX[account.settlement.kind]} ${account.settlement.name}`,
    account.street,
    `д. ${account.house}`,
    ...(account.flat ? [`кв. ${FLAT_MASK}`] : []),
  ].join(', ');
