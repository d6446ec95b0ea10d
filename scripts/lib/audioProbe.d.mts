import type { Page } from '@playwright/test';

export interface ProbedSound {
  when: number;
  ahead: number;
  cancelled: boolean;
  playedAt: number | null;
}
export function installAudioProbe(page: Page): Promise<void>;
export function readAudioProbe(page: Page): Promise<ProbedSound[]>;
