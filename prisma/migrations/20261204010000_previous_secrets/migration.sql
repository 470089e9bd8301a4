-- A rotation keeps every replaced secret signing until its own expiry, so a
-- second rotation within 24 h no longer cuts the first old secret short.
--
-- Written from `prisma migrate diff`, by hand: the diff rebuilds the table,
-- but the migration runner applies each file in a transaction, where
-- `PRAGMA foreign_keys=OFF` does nothing, so dropping "DeliverySource" would
-- cascade to every delivery. ALTER TABLE changes the columns in place.

-- AlterTable
ALTER TABLE "DeliverySource" ADD COLUMN "previousSecrets" TEXT NOT NULL DEFAULT '[]';

-- The secret of the last rotation keeps its expiry.
UPDATE "DeliverySource"
SET "previousSecrets" = json_array(
  json_object('secret', "previousSecret", 'expiresAt', "previousExpiresAt"))
WHERE "previousSecret" IS NOT NULL AND "previousExpiresAt" IS NOT NULL;

-- AlterTable
ALTER TABLE "DeliverySource" DROP COLUMN "previousSecret";
ALTER TABLE "DeliverySource" DROP COLUMN "previousExpiresAt";
