-- The console list reads each source's latest delivery and its last 24 hours
-- through this index instead of sorting all of the source's deliveries.
CREATE INDEX "Delivery_sourceId_updatedAt_idx" ON "Delivery"("sourceId", "updatedAt");
