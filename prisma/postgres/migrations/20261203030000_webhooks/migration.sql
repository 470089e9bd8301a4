-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
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
    "lastTickAt" TIMESTAMP(3),
    "retryPolicy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HookCursor" (
    "name" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HookCursor_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "DeferredFire" (
    "id" TEXT NOT NULL,
    "hookId" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "fireAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeferredFire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigVariable" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConfigVariable_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Webhook_type_idx" ON "Webhook"("type");

-- CreateIndex
CREATE INDEX "DeferredFire_fireAt_idx" ON "DeferredFire"("fireAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeferredFire_hookId_uid_key" ON "DeferredFire"("hookId", "uid");

-- AddForeignKey
ALTER TABLE "DeferredFire" ADD CONSTRAINT "DeferredFire_hookId_fkey" FOREIGN KEY ("hookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

