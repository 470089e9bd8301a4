-- Lists sort by `Start DESC, Name` (lens-api.md §2), and by UID last so the
-- order is total. An index in that order lets a page be read straight from
-- the index, with no sort step; it also serves every range on Start, so it
-- replaces the single-column index.
--
-- Written by `prisma migrate diff`.

-- DropIndex
DROP INDEX "Job_Start_idx";

-- CreateIndex
CREATE INDEX "Job_Start_Name_UID_idx" ON "Job"("Start" DESC, "Name", "UID");
