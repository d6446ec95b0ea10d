/** The vault's vocabulary (zod-free, so the renderer can import it cheaply). */

export const PASSPHRASE_MIN_LENGTH = 10;
export const PASSPHRASE_MAX_LENGTH = 1024;
