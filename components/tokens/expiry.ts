/** The expiry choices of the create form; "custom" opens a number field. */
export const EXPIRY_CHOICES = [
  { value: "never", label: "Never" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "365 days" },
  { value: "custom", label: "Custom…" },
] as const;

export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]["value"];

export function isExpiryChoice(value: string): value is ExpiryChoice {
  return EXPIRY_CHOICES.some((choice) => choice.value === value);
}

/**
 * The API's `expiresInDays` for a choice: null for never, NaN for a custom
 * value that is not a number, so the schema reports it.
 */
export function expiresInDays(choice: ExpiryChoice, custom: string): number | null {
  if (choice === "never") return null;
  if (choice === "custom") return custom.trim() === "" ? Number.NaN : Number(custom);

  return Number(choice);
}
