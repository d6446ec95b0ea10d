// Types for chromium.mjs, which the Playwright configs and e2e tests import.
export interface FoundChromium {
  executablePath: string;
  source: string;
  env: Record<string, string>;
}
export interface ChromiumLaunchOptions {
  executablePath: string;
  args: string[];
  env?: Record<string, string | undefined>;
}
export const CHROMIUM_ARGS: string[];
export const NO_CHROMIUM: string;
export function noChromiumSentence(): string;
export function unpackPackagedChromium(): Promise<string | null>;
export function findChromium(options?: { unpack?: boolean }): FoundChromium | null;
export function chromiumLaunchOptions(extraArgs?: string[]): ChromiumLaunchOptions;
