-- A rotation keeps every replaced secret signing until its own expiry, so a
-- second rotation within 24 h no longer cuts the first old secret short.
-- From `prisma migrate diff`, with the copy of the last rotation's secret
-- added between the two steps.

-- AlterTable
ALTER TABLE "DeliverySource" ADD COLUMN "previousSecrets" TEXT NOT NULL DEFAULT '[]';

-- The secret of the last rotation keeps its expiry (timestamps are UTC).
UPDATE "DeliverySource"
SET "previousSecrets" = json_build_array(json_build_object(
  'secret', "previousSecret",
  'expiresAt', to_char("previousExpiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text
WHERE "previousSecret" IS NOT NULL AND "previousExpiresAt" IS NOT NULL;

-- AlterTable
ALTER TABLE "DeliverySource" DROP COLUMN "previousExpiresAt",
DROP COLUMN "previousSecret";
