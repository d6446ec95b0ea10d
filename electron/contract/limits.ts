/** Plain constants shared with the renderer (kept apart from the zod schemas). */
export const PASSPHRASE_MIN_LENGTH = 10;
export const PASSPHRASE_MAX_LENGTH = 1024;
/** Minutes without activity after which an unlocked journal locks itself. */
export const IDLE_LOCK_MINUTES = 10;
