// What every slot renderer (the custom element, Vue, React) shares: when an
// answer may be shown, and which slot shows it.
import { DEFAULT_VARIANT } from './gitlab_api.js';
import { runtime } from './runtime.js';

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
  const r = runtime();
  if (!r.settled(name)) return undefined;
  return r.run(name).variant;
}

/**
 * Which of `slots` (slot names, in the author's order) renders `variant` of
 * `name`: the variant's own; otherwise control's, which is the definition's
 * control variant, else 'control', else the first slot. Undefined when none.
 */
export function slotFor(name: string, variant: string, slots: readonly string[]): string | undefined {
  if (slots.includes(variant)) return variant;
  const control = runtime().controlVariant(name);
  if (slots.includes(control)) return control;
  if (slots.includes(DEFAULT_VARIANT)) return DEFAULT_VARIANT;
  return slots[0];
}

/** True when `object` has `key` as its own property (never from the prototype chain). */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
