-- Tariffs get an explicit end (exclusive `valid_to`, NULL = until further notice), and the database
-- itself refuses two periods of one locality × stove × zone that overlap: a console pre-check alone
-- would let two admins saving at the same moment race past each other.

-- AlterTable
ALTER TABLE "tariffs" ADD COLUMN     "valid_to" DATE;

-- Backfill: until now a row was in force until the next row of its category and zone started.
UPDATE "tariffs" AS t
SET "valid_to" = n."next_valid_from"
FROM (
    SELECT "id", lead("valid_from") OVER (PARTITION BY "locality", "stove", "zone" ORDER BY "valid_from") AS "next_valid_from"
    FROM "tariffs"
) AS n
WHERE n."id" = t."id" AND n."next_valid_from" IS NOT NULL;

-- An end on or before the start is a typo, not an empty period.
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_valid_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");

-- btree_gist lets one GiST index compare the enums with = and the periods with && (overlap).
-- A trusted extension (PostgreSQL 13+): a database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_no_overlap" EXCLUDE USING gist (
    "locality" WITH =,
    "stove" WITH =,
    "zone" WITH =,
    daterange("valid_from", "valid_to") WITH &&
);
