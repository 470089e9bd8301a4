export { actorFromPrincipal, SEED_ACTOR, type Actor } from "./actor";
export { LensError, type LensErrorCode, type LensErrorDetails } from "./errors";
export {
  executeGraphql,
  type ExecuteOptions,
  type GraphqlRequest,
  type GraphqlResponse,
} from "./graphql/execute";
export { lensSchema } from "./graphql/schema";
export {
  validateWebhookQuery,
  type WebhookQueryCheck,
  type WebhookQueryError,
  type WebhookSubscription,
} from "./graphql/validate-webhook-query";
export { webhookSchema, webhookSchemaSdl, type WebhookQueryKind } from "./graphql/webhook-schema";
export * from "./records";
export { seedDemoData, DemoAlreadySeeded, type DemoSummary } from "./seed/demo";
