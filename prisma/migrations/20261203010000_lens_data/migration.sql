-- CreateTable
CREATE TABLE "Region" (
    "UID" TEXT NOT NULL PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Timezone" TEXT NOT NULL,
    "CountryCode" TEXT,
    "Description" TEXT,
    "CreatedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "LastModifiedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Account" (
    "UID" TEXT NOT NULL PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "BillingCity" TEXT,
    "RegionId" TEXT,
    "CreatedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "LastModifiedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Account_RegionId_fkey" FOREIGN KEY ("RegionId") REFERENCES "Region" ("UID") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contact" (
    "UID" TEXT NOT NULL PRIMARY KEY,
    "FirstName" TEXT,
    "LastName" TEXT NOT NULL,
    "FullName" TEXT NOT NULL,
    "MobilePhone" TEXT,
    "Email" TEXT,
    "AccountId" TEXT,
    "RegionId" TEXT,
    "CreatedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "LastModifiedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Contact_AccountId_fkey" FOREIGN KEY ("AccountId") REFERENCES "Account" ("UID") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contact_RegionId_fkey" FOREIGN KEY ("RegionId") REFERENCES "Region" ("UID") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Resource" (
    "UID" TEXT NOT NULL PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Email" TEXT,
    "MobilePhone" TEXT,
    "CountryCode" TEXT,
    "Category" TEXT,
    "IsActive" BOOLEAN NOT NULL DEFAULT true,
    "PrimaryRegionId" TEXT,
    "CreatedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "LastModifiedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Resource_PrimaryRegionId_fkey" FOREIGN KEY ("PrimaryRegionId") REFERENCES "Region" ("UID") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "UID" TEXT NOT NULL PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Description" TEXT,
    "JobStatus" TEXT NOT NULL DEFAULT 'Queued',
    "Type" TEXT,
    "Urgency" TEXT NOT NULL DEFAULT 'Normal',
    "Start" DATETIME,
    "End" DATETIME,
    "Duration" INTEGER NOT NULL,
    "Timezone" TEXT,
    "Address" TEXT,
    "Tags" TEXT,
    "AccountId" TEXT,
    "ContactId" TEXT,
    "RegionId" TEXT NOT NULL,
    "CreatedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "LastModifiedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Job_AccountId_fkey" FOREIGN KEY ("AccountId") REFERENCES "Account" ("UID") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_ContactId_fkey" FOREIGN KEY ("ContactId") REFERENCES "Contact" ("UID") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_RegionId_fkey" FOREIGN KEY ("RegionId") REFERENCES "Region" ("UID") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobAllocation" (
    "UID" TEXT NOT NULL PRIMARY KEY,
    "Name" TEXT,
    "Status" TEXT,
    "Start" DATETIME,
    "End" DATETIME,
    "JobId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "CreatedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "LastModifiedDate" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JobAllocation_JobId_fkey" FOREIGN KEY ("JobId") REFERENCES "Job" ("UID") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "JobAllocation_ResourceId_fkey" FOREIGN KEY ("ResourceId") REFERENCES "Resource" ("UID") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "object" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "previous" TEXT,
    "current" TEXT,
    "changedFields" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "Region_Name_idx" ON "Region"("Name");

-- CreateIndex
CREATE INDEX "Account_RegionId_idx" ON "Account"("RegionId");

-- CreateIndex
CREATE INDEX "Account_Name_idx" ON "Account"("Name");

-- CreateIndex
CREATE INDEX "Contact_AccountId_idx" ON "Contact"("AccountId");

-- CreateIndex
CREATE INDEX "Contact_RegionId_idx" ON "Contact"("RegionId");

-- CreateIndex
CREATE INDEX "Contact_LastName_idx" ON "Contact"("LastName");

-- CreateIndex
CREATE INDEX "Resource_PrimaryRegionId_idx" ON "Resource"("PrimaryRegionId");

-- CreateIndex
CREATE INDEX "Resource_Name_idx" ON "Resource"("Name");

-- CreateIndex
CREATE UNIQUE INDEX "Job_Name_key" ON "Job"("Name");

-- CreateIndex
CREATE INDEX "Job_RegionId_idx" ON "Job"("RegionId");

-- CreateIndex
CREATE INDEX "Job_AccountId_idx" ON "Job"("AccountId");

-- CreateIndex
CREATE INDEX "Job_ContactId_idx" ON "Job"("ContactId");

-- CreateIndex
CREATE INDEX "Job_JobStatus_idx" ON "Job"("JobStatus");

-- CreateIndex
CREATE INDEX "Job_Start_idx" ON "Job"("Start");

-- CreateIndex
CREATE INDEX "Job_CreatedDate_idx" ON "Job"("CreatedDate");

-- CreateIndex
CREATE INDEX "JobAllocation_JobId_idx" ON "JobAllocation"("JobId");

-- CreateIndex
CREATE INDEX "JobAllocation_ResourceId_idx" ON "JobAllocation"("ResourceId");

-- CreateIndex
CREATE INDEX "ChangeEvent_object_uid_idx" ON "ChangeEvent"("object", "uid");

