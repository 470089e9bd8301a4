-- Every claim counts each hook's live leases and looks for expired ones
-- (lib/delivery/claim.ts). Both read processing rows by their lease time;
-- with this index they read it and the hook from the index alone, and the
-- search for expired leases touches only those.
--
-- That was the last reader of (state, nextAttemptAt): claims read due rows
-- per hook from (sourceId, state, nextAttemptAt). Every state change moved
-- an entry in it, so it goes.
--
-- Written by `prisma migrate diff`.

-- DropIndex
DROP INDEX "Delivery_state_nextAttemptAt_idx";

-- CreateIndex
CREATE INDEX "Delivery_state_leaseUntilMs_sourceId_idx" ON "Delivery"("state", "leaseUntilMs", "sourceId");
