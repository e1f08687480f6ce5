-- CreateEnum
CREATE TYPE "district_kind" AS ENUM ('CITY', 'REGION_DISTRICT');

-- CreateEnum
CREATE TYPE "settlement_kind" AS ENUM ('TOWN', 'URBAN_SETTLEMENT', 'VILLAGE', 'HAMLET');

-- CreateTable
CREATE TABLE "districts" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "district_kind" NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "districts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlements" (
    "id" UUID NOT NULL,
    "district_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "settlement_kind" NOT NULL,
    "is_district_centre" BOOLEAN NOT NULL DEFAULT false,
    "sort_order" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "settlements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "housing_offices" (
    "id" UUID NOT NULL,
    "district_id" UUID NOT NULL,
    "index" CHAR(4) NOT NULL,
    "name" TEXT NOT NULL,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "housing_offices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_checks" (
    "id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "run_id" TEXT,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "self_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "districts_code_key" ON "districts"("code");

-- CreateIndex
CREATE UNIQUE INDEX "settlements_district_id_name_key" ON "settlements"("district_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "housing_offices_index_key" ON "housing_offices"("index");

-- CreateIndex
CREATE INDEX "housing_offices_district_id_idx" ON "housing_offices"("district_id");

-- AddForeignKey
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "housing_offices" ADD CONSTRAINT "housing_offices_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
