/** A configuration the app cannot start with; the message names what to fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
