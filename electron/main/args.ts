/** Reads `--vault DIR` or `--vault=DIR` from the desktop app's command line. */
export function vaultArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--vault=')) return arg.slice('--vault='.length);
    if (arg === '--vault') return argv[i + 1];
  }
  return undefined;
}
