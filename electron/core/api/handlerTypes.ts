import type { Output, ParsedInput } from '../../contract/contract';
import type { MethodName } from '../../contract/methods';

/**
 * The shape of the core's handlers. A leaf module: each feature's `handlers.ts` imports these types
 * and `api/handlers.ts` imports the features, so nothing imports back up (no cycle).
 */
export type Handler<K extends MethodName> = (input: ParsedInput<K>) => Promise<Output<K>> | Output<K>;
export type Handlers = { [K in MethodName]: Handler<K> };
/** The handlers of one feature (or several): every method named `<feature>.<verb>`. */
export type HandlersOf<Feature extends string> = Pick<Handlers, Extract<MethodName, `${Feature}.${string}`>>;
