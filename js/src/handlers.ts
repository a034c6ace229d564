// Calling code the caller handed over (experiment()'s handlers, React's
// function entries): what it throws goes to onError, never to rendering.
import { thrownText } from './pushed.js';
import { state } from './state.js';

export interface HandlerResult<T> {
  value?: T;
  failed: boolean;
}

/** Runs `handler` of `variant` of experiment `name`; a throw is reported (source 'handler'). */
export function callHandler<T>(name: string, variant: string, handler: () => T): HandlerResult<T> {
  try {
    return { value: handler(), failed: false };
  } catch (e) {
    const why = e instanceof Error ? e.message : thrownText(e);
    state.report?.({ source: 'handler', path: name, message: `the handler of variant "${variant}" threw: ${why}` });
    return { failed: true };
  }
}
