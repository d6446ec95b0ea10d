import type { MethodName } from './methods';
import type { Input, Output } from './contract';
import type { Result } from './errors';
import type { AxisEvent } from './app';

type Namespace = MethodName extends `${infer NS}.${string}` ? NS : never;

/** The object the preload exposes as `window.axis`: one named function per contract method. */
export type AxisBridge = {
  [NS in Namespace]: {
    [M in MethodName as M extends `${NS}.${infer F}` ? F : never]: (input?: Input<M>) => Promise<Result<Output<M>>>;
  };
} & {
  onEvent(listener: (event: AxisEvent) => void): () => void;
};
