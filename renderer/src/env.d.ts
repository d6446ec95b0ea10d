import type { AxisBridge } from '$contract';

declare global {
  interface Window {
    /** Present only inside the desktop app (set by the preload). */
    axis?: AxisBridge;
  }
}

export {};
