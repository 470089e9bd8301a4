/**
 * Webhooks (lens-api.md §4): definitions and their validation, the
 * dispatcher that turns change events into deliveries, deferred fire times,
 * cron schedules and configuration variables. Sending is lib/delivery's.
 */
export { dispatchOnce, type DispatchResult } from "./dispatcher";
export { fireDeferredOnce } from "./fire-deferred";
export { CronScheduler, latestTick } from "./fire-scheduled";
export { invalidateHookIndex } from "./hook-index";
export {
  notifyChange,
  runHooksPass,
  startHooksLoop,
  type HooksLoop,
  type HooksLoopOptions,
  type HooksPassResult,
} from "./loop";
export { recoverWebhook, rotateWebhookSecret, testWebhook, webhookSecret } from "./manual";
export * from "./schemas";
export { deleteVariable, listVariables, setVariable, type VariableView } from "./variables";
export { createWebhook, deleteWebhook, getWebhook, listWebhooks, updateWebhook } from "./webhooks";
export { webhookSummaries, type WebhookSummary } from "./summaries";
