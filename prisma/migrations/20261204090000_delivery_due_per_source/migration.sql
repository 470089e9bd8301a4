-- A claim reads each open source's first due rows in time order, so the
-- rows of a source at its cap are never read (lib/delivery/claim.ts). The
-- wider index serves that read and everything the two-column one did.
--
-- Written by `prisma migrate diff`.

-- DropIndex
DROP INDEX "Delivery_sourceId_state_idx";

-- CreateIndex
CREATE INDEX "Delivery_sourceId_state_nextAttemptAt_idx" ON "Delivery"("sourceId", "state", "nextAttemptAt");
