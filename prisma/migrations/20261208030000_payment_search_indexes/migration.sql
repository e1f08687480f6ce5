-- The console's searches over payments by an index (bench/reports/before-tuning.json: over 1,000,000
-- payments the email search read the whole table, p95 4.9 s, and some failed. Last 4 + amount: 1.2 s).
-- No semicolon in these comments: the wasm schema engine splits the script on them.

-- The workflow stores receipt emails lower-cased and the search now matches them exactly. Make
-- sure no row written otherwise is left out.
UPDATE "payments" SET "receipt_email" = lower("receipt_email") WHERE "receipt_email" <> lower("receipt_email");

-- CreateIndex
CREATE INDEX "payments_card_last4_total_kopecks_idx" ON "payments"("card_last4", "total_kopecks");
