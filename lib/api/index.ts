export { ApiError, type ErrorBody, type ErrorType, type FieldIssue } from "./errors";
export { ok, publicRoute, route, type RouteContext, type RouteHandler } from "./route";
export { parseWith } from "./validation";
