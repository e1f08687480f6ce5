// Teaches @prisma/adapter-pg 7.10 two Postgres catalog types the schema engine reads but the
// adapter cannot map. Only the wasm schema engine loads this; the app's Prisma client never does.
//
// Why: the engine's Postgres describer queries pg_catalog, whose columns include the internal
// one-byte `"char"` type (OID 18, e.g. pg_constraint.contype) and `name[]` (OID 1003). The adapter
// throws "Unsupported column type" on both, so `migrate` fails before it starts. We let pg decode
// them as text / text[] and then tell the engine the `"char"` columns are Character columns.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const OID = { char: 18, text: 25, nameArray: 1003, textArray: 1009 };
// ColumnTypeEnum.Character in @prisma/driver-adapter-utils.
const COLUMN_TYPE_CHARACTER = 6;
// Non-enumerable marker on pg's result rows: which columns were `"char"` before we renamed them.
const CHAR_COLUMNS = Symbol('voltpay.charColumns');

let patched = false;

/** Patches pg's Result and PrismaPg's queryRaw once per process. */
export const patchPgCatalogTypes = async (PrismaPg) => {
  if (patched) return;
  patched = true;

  // pg picks each column's parser from `dataTypeID` in addFields; rewriting the OID there makes
  // both pg and the adapter treat the column as text.
  const Result = require('pg/lib/result.js');
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function addFieldsWithCatalogTypes(fields) {
    const charColumns = [];
    fields.forEach((field, i) => {
      if (field.dataTypeID === OID.char) {
        charColumns.push(i);
        field.dataTypeID = OID.text;
      } else if (field.dataTypeID === OID.nameArray) {
        field.dataTypeID = OID.textArray;
      }
    });
    addFields.call(this, fields);
    if (charColumns.length > 0) Object.defineProperty(this.rows, CHAR_COLUMNS, { value: charColumns });
  };

  // The queryable class is not exported, so reach its prototype through an instance. pg.Pool
  // connects lazily, so this probe does no I/O.
  const probe = await new PrismaPg({ connectionString: 'postgresql://localhost/unused' }).connect();
  let proto = Object.getPrototypeOf(probe);
  while (proto && !Object.hasOwn(proto, 'queryRaw')) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error('pg-catalog-patch: PrismaPg has no queryRaw; @prisma/adapter-pg changed, re-check this patch');
  const queryRaw = proto.queryRaw;
  proto.queryRaw = async function queryRawWithCatalogTypes(query) {
    const result = await queryRaw.call(this, query);
    for (const i of result.rows?.[CHAR_COLUMNS] ?? []) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  await probe.dispose();
};
