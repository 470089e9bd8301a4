-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "headers" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "query" TEXT,
    "object" TEXT,
    "field" TEXT,
    "offsetMs" BIGINT,
    "filter" TEXT,
    "cron" TEXT,
    "lastTickAt" DATETIME,
    "retryPolicy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HookCursor" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DeferredFire" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hookId" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "fireAt" DATETIME NOT NULL,
    CONSTRAINT "DeferredFire_hookId_fkey" FOREIGN KEY ("hookId") REFERENCES "Webhook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConfigVariable" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Webhook_type_idx" ON "Webhook"("type");

-- CreateIndex
CREATE INDEX "DeferredFire_fireAt_idx" ON "DeferredFire"("fireAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeferredFire_hookId_uid_key" ON "DeferredFire"("hookId", "uid");

