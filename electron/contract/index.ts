export * from './methods';
export * from './errors';
export * from './contract';
export * from './vault';
export * from './app';
export * from './recoveryKey';
export type { AxisBridge } from './bridge';
