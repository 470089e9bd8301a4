// The one password rule, for ADMIN_PASSWORD here and for every password the
// API and the console accept (lib/auth/schemas). Plain values with no server
// code, so the console's forms can share them.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_TOO_SHORT = `must be at least ${PASSWORD_MIN_LENGTH} characters`;
export const PASSWORD_TOO_LONG = `must be at most ${PASSWORD_MAX_LENGTH} characters`;
