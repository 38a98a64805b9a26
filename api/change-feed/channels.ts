// The NOTIFY channels of the change feed, one per family of cached data. Each is sent by triggers of a
// migration (which spells the same name) with a tenant id as payload ('*' when it cannot be told).
/** Users, roles, permissions, their links, session revocations (migration 1600). */
export const IDENTITY_CHANNEL = 'identity_changed';
/** Templates and their versions (migration 2026_12_01_1200). */
export const TEMPLATES_CHANNEL = 'templates_changed';

/** Model aliases (migration 2026_12_02_1400). */
export const ALIASES_CHANNEL = 'aliases_changed';

/** What an API process listens to, on one connection. */
export const FEED_CHANNELS = [IDENTITY_CHANNEL, TEMPLATES_CHANNEL, ALIASES_CHANNEL] as const;
