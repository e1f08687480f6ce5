-- Readings are one sequence per meter zone, owned by the server (DESIGN §4): a confirmed payment
-- holds the range it will record (meter_reading_reservations) until it is posted or ends unpaid,
-- and a reading that started from the resident's own word stays unverified until staff approve it.

-- CreateEnum
CREATE TYPE "meter_reading_reservation_status" AS ENUM ('HELD', 'RECORDED', 'RELEASED');

-- AlterTable
ALTER TABLE "meter_readings" ADD COLUMN     "approved_at" TIMESTAMP(3),
ADD COLUMN     "approved_by" TEXT,
ADD COLUMN     "verified" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "meter_reading_reservations" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "zone" "meter_zone" NOT NULL,
    "period" CHAR(7) NOT NULL,
    "start_value" INTEGER NOT NULL,
    "end_value" INTEGER NOT NULL,
    "declared" BOOLEAN NOT NULL,
    "status" "meter_reading_reservation_status" NOT NULL DEFAULT 'HELD',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meter_reading_reservations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meter_reading_reservations_account_id_zone_status_idx" ON "meter_reading_reservations"("account_id", "zone", "status");

-- CreateIndex
CREATE UNIQUE INDEX "meter_reading_reservations_payment_id_zone_key" ON "meter_reading_reservations"("payment_id", "zone");

-- AddForeignKey
ALTER TABLE "meter_reading_reservations" ADD CONSTRAINT "meter_reading_reservations_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

