-- CreateEnum
CREATE TYPE "tariff_plan" AS ENUM ('SINGLE_RATE', 'DAY_NIGHT');

-- CreateEnum
CREATE TYPE "stove_type" AS ENUM ('GAS', 'ELECTRIC');

-- CreateEnum
CREATE TYPE "locality" AS ENUM ('URBAN', 'RURAL');

-- CreateEnum
CREATE TYPE "meter_zone" AS ENUM ('SINGLE', 'DAY', 'NIGHT');

-- CreateEnum
CREATE TYPE "meter_reading_source" AS ENUM ('BILLING', 'PAYMENT');

-- CreateEnum
CREATE TYPE "charge_kind" AS ENUM ('ELECTRICITY', 'COMMON_AREA', 'PENALTY');

-- CreateEnum
CREATE TYPE "payment_status" AS ENUM ('DRAFT', 'AWAITING_CARD', 'PROCESSING', 'UNCONFIRMED', 'POSTING', 'NEEDS_ATTENTION', 'COMPLETED', 'CANCELLED', 'EXPIRED', 'DECLINED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "payment_line_kind" AS ENUM ('ELECTRICITY', 'COMMON_AREA', 'PENALTY', 'DEBT');

-- CreateEnum
CREATE TYPE "ledger_posting_kind" AS ENUM ('PAYMENT', 'REFUND');

-- CreateEnum
CREATE TYPE "entry_direction" AS ENUM ('DEBIT', 'CREDIT');

-- CreateEnum
CREATE TYPE "email_status" AS ENUM ('STORED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "actor_type" AS ENUM ('STAFF', 'SYSTEM', 'RESIDENT');

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "district_id" UUID NOT NULL,
    "settlement_id" UUID NOT NULL,
    "housing_office_id" UUID,
    "number" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "house" TEXT NOT NULL,
    "flat" TEXT,
    "tariff_plan" "tariff_plan" NOT NULL,
    "stove" "stove_type" NOT NULL,
    "locality" "locality" NOT NULL,
    "meter_capacity" INTEGER NOT NULL DEFAULT 99999,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meter_readings" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "zone" "meter_zone" NOT NULL,
    "value" INTEGER NOT NULL,
    "period" CHAR(7) NOT NULL,
    "source" "meter_reading_source" NOT NULL,
    "payment_id" UUID,
    "taken_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meter_readings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tariffs" (
    "id" UUID NOT NULL,
    "locality" "locality" NOT NULL,
    "stove" "stove_type" NOT NULL,
    "zone" "meter_zone" NOT NULL,
    "rate_centikopecks" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tariffs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "charges" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "kind" "charge_kind" NOT NULL,
    "amount_kopecks" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "debts" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "amount_kopecks" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "debts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "status" "payment_status" NOT NULL,
    "total_kopecks" INTEGER NOT NULL,
    "terms_version" TEXT NOT NULL,
    "terms_accepted_at" TIMESTAMP(3) NOT NULL,
    "receipt_email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'ru',
    "acquirer_order_id" TEXT,
    "card_last4" CHAR(4),
    "status_reason" TEXT,
    "revision" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_lines" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "kind" "payment_line_kind" NOT NULL,
    "amount_kopecks" INTEGER NOT NULL,
    "kwh" INTEGER,
    "details" JSONB,
    "position" INTEGER NOT NULL,

    CONSTRAINT "payment_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_postings" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "kind" "ledger_posting_kind" NOT NULL,
    "total_kopecks" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "posted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_postings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" UUID NOT NULL,
    "posting_id" UUID NOT NULL,
    "ledger_account" TEXT NOT NULL,
    "account_id" UUID,
    "direction" "entry_direction" NOT NULL,
    "amount_kopecks" INTEGER NOT NULL,
    "line_kind" "payment_line_kind",

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "receipts" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "issued_on" DATE NOT NULL,
    "sequence" INTEGER NOT NULL,
    "verification_code" TEXT NOT NULL,
    "total_kopecks" INTEGER NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "receipts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "receipt_counters" (
    "day" DATE NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "receipt_counters_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachment_name" TEXT,
    "attachment" BYTEA,
    "status" "email_status" NOT NULL,
    "provider_message_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "actor_type" "actor_type" NOT NULL,
    "actor_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "details" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "accounts_district_id_idx" ON "accounts"("district_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_settlement_id_number_key" ON "accounts"("settlement_id", "number");

-- CreateIndex
CREATE INDEX "meter_readings_account_id_zone_taken_at_idx" ON "meter_readings"("account_id", "zone", "taken_at");

-- CreateIndex
CREATE UNIQUE INDEX "meter_readings_payment_id_zone_key" ON "meter_readings"("payment_id", "zone");

-- CreateIndex
CREATE UNIQUE INDEX "tariffs_locality_stove_zone_valid_from_key" ON "tariffs"("locality", "stove", "zone", "valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "charges_account_id_period_kind_key" ON "charges"("account_id", "period", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "debts_account_id_period_key" ON "debts"("account_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "payments_workflow_id_key" ON "payments"("workflow_id");

-- CreateIndex
CREATE INDEX "payments_status_updated_at_idx" ON "payments"("status", "updated_at");

-- CreateIndex
CREATE INDEX "payments_account_id_created_at_idx" ON "payments"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "payments_acquirer_order_id_idx" ON "payments"("acquirer_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_lines_payment_id_kind_key" ON "payment_lines"("payment_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_postings_payment_id_kind_key" ON "ledger_postings"("payment_id", "kind");

-- CreateIndex
CREATE INDEX "ledger_entries_posting_id_idx" ON "ledger_entries"("posting_id");

-- CreateIndex
CREATE INDEX "ledger_entries_account_id_idx" ON "ledger_entries"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "receipts_payment_id_key" ON "receipts"("payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "receipts_number_key" ON "receipts"("number");

-- CreateIndex
CREATE UNIQUE INDEX "receipts_issued_on_sequence_key" ON "receipts"("issued_on", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "email_outbox_idempotency_key_key" ON "email_outbox"("idempotency_key");

-- CreateIndex
CREATE INDEX "audit_log_target_type_target_id_idx" ON "audit_log"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_settlement_id_fkey" FOREIGN KEY ("settlement_id") REFERENCES "settlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_housing_office_id_fkey" FOREIGN KEY ("housing_office_id") REFERENCES "housing_offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charges" ADD CONSTRAINT "charges_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "debts" ADD CONSTRAINT "debts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_posting_id_fkey" FOREIGN KEY ("posting_id") REFERENCES "ledger_postings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
