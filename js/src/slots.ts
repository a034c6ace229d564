// What every slot renderer (the custom element, Vue, React) shares: when an
// answer may be shown, and which slot shows it.
import { DEFAULT_VARIANT } from './gitlab_api.js';
import { describe, isValidName } from './pushed.js';
import { runtime } from './runtime.js';

/** Invalid names reported already (at most this many kept), so a render loop reports each once. */
const MAX_REPORTED = 100;
const reported = new Set<string>();

function reportInvalidName(name: unknown): void {
  const what = describe(name);
  if (reported.has(what) || reported.size >= MAX_REPORTED) return;
  reported.add(what);
  runtime().report({ source: 'context', path: '', message: `slot renderer: experiment name must be a non-empty string, got ${what}; showing control` });
}

/**
 * The variant to render for `name`, or undefined while the answer is not yet
 * final (the engine or promised definitions are still loading, and no stub or
 * pushed data decides it). Renderers show nothing until then; `subscribe`
 * tells them when it changes, including when the engine has loaded.
 *
 * It is the answer's variant, so an answer without data names the
 * definition's own control (edX's bucket "0"), and 'control' when there is
 * no definition either.
 */
export function settledVariant(name: string): string | undefined {
  if (!isValidName(name)) {
    reportInvalidName(name);
    return DEFAULT_VARIANT;
  }
  const r = runtime();
  if (!r.settled(name)) return undefined;
  return r.run(name).variant;
}

/**
 * What a server renders for `name` (and a client hydrates with): the variant
 * when a stub or pushed data decides it, which the client reads the same way;
 * otherwise undefined (nothing), since the client's engine is not ready while
 * it hydrates and rendering the server's local answer would then flicker.
 */
export function serverVariant(name: string): string | undefined {
  if (!isValidName(name)) return DEFAULT_VARIANT;
  const r = runtime();
  return r.decidedEarly(name) ? r.run(name).variant : undefined;
}

/**
 * Which of `slots` (slot names, in the author's order) renders `variant` of
 * `name`: the variant's own; otherwise control's, which is the definition's
 * control variant, else 'control', else the first slot. Undefined when none.
 */
export function slotFor(name: string, variant: string, slots: readonly string[]): string | undefined {
  return slots.includes(variant) ? variant : controlSlot(name, slots);
}

/** The slot that shows control of `name`: see slotFor. */
export function controlSlot(name: string, slots: readonly string[]): string | undefined {
  const control = runtime().controlVariant(name);
  if (slots.includes(control)) return control;
  if (slots.includes(DEFAULT_VARIANT)) return DEFAULT_VARIANT;
  return slots[0];
}

/** True when `object` has `key` as its own property (never from the prototype chain). */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
