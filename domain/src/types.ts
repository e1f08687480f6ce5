// The payment domain's vocabulary: plain data types shared by the workflow, the pure quoting
// rules, the activities, the JSON API and the console. No I/O and no Temporal imports here.

/** Integer minor units (kopecks). Never a float: 1 234,56 ₽ is 123456. */
export type Kopecks = number;

/** A billing period, `YYYY-MM`. */
export type Period = string;

export type Locale = 'ru' | 'en';

export type DistrictKind = 'CITY' | 'REGION_DISTRICT';
export type TariffPlan = 'SINGLE_RATE' | 'DAY_NIGHT';
export type StoveType = 'GAS' | 'ELECTRIC';
export type Locality = 'URBAN' | 'RURAL';
/** SINGLE for single-rate meters; DAY and NIGHT for two-zone meters. */
export type MeterZone = 'SINGLE' | 'DAY' | 'NIGHT';

/** The payment's lines, in the order a bill shows them. */
export type PaymentLineKind = 'ELECTRICITY' | 'COMMON_AREA' | 'PENALTY' | 'DEBT';
export const PAYMENT_LINE_KINDS: readonly PaymentLineKind[] = ['ELECTRICITY', 'COMMON_AREA', 'PENALTY', 'DEBT'];

/** How the resident identifies the account (DESIGN §2.3). */
export type AccountRef = {
  /** `omsk` for the city, or a region district's code. */
  districtCode: string;
  /** Region accounts only: the settlement picked from the district's list. */
  settlementId?: string;
  /** City: housing-office index (4 digits) + account; region: 6 digits. Spaces are ignored. */
  accountNumber: string;
};

/** What a resident may see of an account: enough to recognise it, not enough to find a person. */
export type AccountView = {
  accountId: string;
  number: string;
  districtCode: string;
  districtName: string;
  districtKind: DistrictKind;
  settlementName: string;
  /** Street and house; the flat is hidden (`ул. Ленина, д. 12, кв. ••`). */
  maskedAddress: string;
  tariffPlan: TariffPlan;
  stove: StoveType;
  locality: Locality;
  /** Largest value the meter shows before rolling over to 0 (99999 for five digits). */
  meterCapacity: number;
};

/** A period the resident may pick, with what is owed for it. */
export type PeriodOption = { period: Period; debtKopecks: Kopecks };

export type TariffRate = { zone: MeterZone; /** Hundredths of a kopeck per kWh. */ rateCentikopecks: number };

/** Everything the quote needs about one account and one period, loaded from the database. */
export type PeriodBill = {
  period: Period;
  /** The tariff in force in the period, or null when none is (the quote then refuses readings). */
  tariff: { validFrom: string; rates: TariffRate[] } | null;
  /**
   * The last recorded reading per zone: the end of the last payment in flight or paid, else the
   * billing's; readings a resident declared without one to start from count only once staff
   * approved them. It IS the next payment's start (the quote refuses any other); a zone without
   * one takes the resident's start, marked declared (`ZoneConsumption.startDeclared`).
   */
  lastReadings: { zone: MeterZone; value: number; period: Period }[];
  /** Extra charges of the period; 0 when there is none. */
  commonAreaKopecks: Kopecks;
  penaltyKopecks: Kopecks;
  /** Unpaid balance of the period; 0 when there is none. */
  debtKopecks: Kopecks;
  /**
   * How much of each the account's other payments of the period already pay (charged or in
   * flight). A line paid in full is listed as paid and left out unless the resident adds it again.
   * Absent in bills loaded before it existed.
   */
  paid?: { commonAreaKopecks: Kopecks; penaltyKopecks: Kopecks; debtKopecks: Kopecks };
};

export type ZoneReading = { zone: MeterZone; start: number; end: number };

/** Electricity by meter readings, or a typed amount ("edit amount"). */
export type ElectricityInput = { kind: 'readings'; readings: ZoneReading[] } | { kind: 'amount'; amountKopecks: Kopecks };

/** The optional lines: on by default, except debt, which the resident adds with one click. */
export type LineOptions = { commonArea: boolean; penalty: boolean; debt: boolean };
export const DEFAULT_LINE_OPTIONS: LineOptions = { commonArea: true, penalty: true, debt: false };

export type ZoneConsumption = ZoneReading & {
  /** No recorded reading to start from: the start is the resident's word, not verified. */
  startDeclared?: boolean;
  kwh: number;
  /** True when the meter passed its capacity and started again from 0. */
  rolledOver: boolean;
  rateCentikopecks: number;
  amountKopecks: Kopecks;
};

export type QuoteLine = {
  kind: PaymentLineKind;
  amountKopecks: Kopecks;
  /** Whether it counts in the total; lines the resident left out are still listed. */
  included: boolean;
  /** COMMON_AREA, PENALTY, DEBT: another payment of the period already pays it in full. */
  alreadyPaid?: boolean;
  /** ELECTRICITY by readings only. */
  kwh?: number;
  zones?: ZoneConsumption[];
};

export type Quote = {
  period: Period;
  lines: QuoteLine[];
  totalKopecks: Kopecks;
};

/** Why a quote was refused; the UI maps `code` to a localised message using `params`. */
export type QuoteErrorCode =
  | 'NO_TARIFF'
  | 'READINGS_ZONES_MISMATCH'
  | 'READING_INVALID'
  | 'READING_OVER_CAPACITY'
  | 'READING_WENT_BACKWARDS'
  /** The start is not the last recorded reading (`params.start`): readings are one sequence per meter. */
  | 'READING_START_MISMATCH'
  /** Another payment recorded or holds readings of this meter meanwhile; `params.start` is the new start. */
  | 'READINGS_CHANGED'
  | 'CONSUMPTION_TOO_HIGH'
  | 'AMOUNT_INVALID'
  | 'TOTAL_NOT_POSITIVE'
  | 'TOTAL_OVER_CEILING';

export type QuoteError = { code: QuoteErrorCode; params?: Record<string, string | number> };

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; error: QuoteError };
