// `cohort-ab/react`: <Experiment name="pill_color" variants={{ control: …, red: … }} />
// and the useExperimentVariant hook.
//
// Renders the assigned variant's entry; control's when there is no data or
// no entry for the variant (the definition's control variant, else
// "control", else the first entry), and nothing until the answer is final (no
// control first). An entry is a node, or a function called to make one; a
// function that throws is reported to onError and control's entry renders.
// Renders again when stubs, the context or the definitions change. On a
// server (and while hydrating) it renders only what a stub or pushed data
// decides, so the page never swaps the server's markup for something else.
import { useCallback, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { callHandler } from './handlers.js';
import type { HandlerResult } from './handlers.js';
import { controlSlot, hasOwn, serverVariant, settledVariant, slotFor } from './slots.js';
import { subscribe } from './state.js';

export type VariantContent = ReactNode | (() => ReactNode);

export interface ExperimentProps {
  name: string;
  variants: Record<string, VariantContent>;
}

/** The variant of `name`, or undefined while the answer is not final. */
export function useExperimentVariant(name: string): string | undefined {
  const snapshot = useCallback(() => settledVariant(name), [name]);
  const serverSnapshot = useCallback(() => serverVariant(name), [name]);
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}

export function Experiment({ name, variants }: ExperimentProps): ReactNode {
  const variant = useExperimentVariant(name);
  if (variant === undefined || variants === null || typeof variants !== 'object' || Array.isArray(variants)) return null;
  const slots = Object.keys(variants).filter((v) => hasOwn(variants, v) && variants[v] !== undefined);
  const slot = slotFor(name, variant, slots);
  if (slot === undefined) return null;
  const shown = render(name, slot, variants[slot]);
  if (!shown.failed) return shown.value ?? null;
  // A function entry that threw (reported): control's entry instead.
  const control = controlSlot(name, slots);
  if (control === undefined || control === slot) return null;
  return render(name, control, variants[control]).value ?? null;
}

function render(name: string, slot: string, content: VariantContent): HandlerResult<ReactNode> {
  return typeof content === 'function' ? callHandler(name, slot, content) : { value: content, failed: false };
}
