// Compiled by `npm run typecheck` (never run): the public API as a
// TypeScript user sees it through the shipped .d.ts files.
import {
  experiment,
  getAllExperimentContexts,
  getExperimentData,
  getExperimentVariant,
  init,
  isExperimentVariant,
  ready,
  run,
  segmentTracker,
  setContext,
  snowplowTracker,
  edxTracker,
  track,
  type Answer,
  type ExperimentContext,
  type ExperimentData,
  type TrackingEvent,
} from 'cohort-ab';
import { recordedEvents, restoreExperiments, stubExperiments } from 'cohort-ab/testing';
import { defineExperimentElement, EXPERIMENT_TAG, RENDER_EVENT, type GitlabExperimentElement, type RenderDetail } from 'cohort-ab/element';
import { GitlabExperiment } from 'cohort-ab/vue';
import { Experiment, useExperimentVariant, type ExperimentProps } from 'cohort-ab/react';
import { createElement } from 'react';
import { h } from 'vue';

async function usage(): Promise<void> {
  await ready;
  await init({
    definitions: { experiments: [{ name: 'pill_color', variants: ['control', 'red', 'blue'] }] },
    context: { actor: 'user:42' },
    trackers: [(event: TrackingEvent) => void event.context.data.variant, snowplowTracker(() => {}), segmentTracker(), edxTracker({ appLabel: 'experiments' })],
    onError: (e) => void e.message,
    storage: null,
    sticky: { capacity: 100 },
  });
  setContext({ actor: 'user:7' });
  const answer: Answer = run('pill_color', { actor: 'user:1' });
  const reason: 'split' | string = answer.reason;
  const data: ExperimentData | undefined = getExperimentData('pill_color');
  const contexts: ExperimentContext[] = getAllExperimentContexts();
  const isRed: boolean = isExperimentVariant('pill_color', 'red');
  const variant: string = getExperimentVariant('pill_color');
  const label: string | undefined = experiment('pill_color', { use: () => 'c', try: () => 't', red: () => 'r' });
  const tracked: boolean = track('pill_color', 'click', { label: 'pill' });
  stubExperiments({ pill_color: 'blue' });
  const events: TrackingEvent[] = recordedEvents();
  restoreExperiments();
  void [reason, data, contexts, isRed, variant, label, tracked, events];
}

async function definitionsFetched(): Promise<void> {
  await init({ definitions: Promise.resolve({ experiments: [] }) });
}

function slots(): void {
  const element: typeof HTMLElement | undefined = defineExperimentElement(EXPERIMENT_TAG);
  const shown = document.querySelector<GitlabExperimentElement>('gitlab-experiment')?.renderedVariant;
  document.addEventListener(RENDER_EVENT, (e) => void (e as CustomEvent<RenderDetail>).detail.rendered);
  const vnode = h(GitlabExperiment, { name: 'pill_color' }, { control: () => 'grey', red: () => 'red' });
  const props: ExperimentProps = { name: 'pill_color', variants: { control: 'grey', red: () => 'red' } };
  const node = createElement(Experiment, props);
  const hook: (name: string) => string | undefined = useExperimentVariant;
  void [element, shown, vnode, node, hook];
}
void [definitionsFetched, slots];
void usage;

// The definitions document is typed as the JSON Schema describes it.
import type { DefinitionsDocument } from 'cohort-ab';
const typedDocument: DefinitionsDocument = {
  experiments: [{ name: 'pill_color', variants: ['control', 'red'], weights: [0, 1], segments: [{ variant: 'red', when: { plan: 'gold' } }] }],
  saved_groups: { staff: ['u1'] },
};
init({ definitions: typedDocument });
// @ts-expect-error "variant" is not a field ("variants" is)
const misspelt: DefinitionsDocument = { experiments: [{ name: 'e', variant: ['control', 'a'] }] };
void misspelt;
