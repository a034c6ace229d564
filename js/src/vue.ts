// `cohort-ab/vue`: GitLab's `gitlab_experiment.vue` for Vue 3, a drop-in.
//
//   <gitlab-experiment name="pill_color">
//     <template #control>…</template>
//     <template #red>…</template>
//   </gitlab-experiment>
//
// As GitLab's component: it renders the slot named after the variant, the
// control slot when there is no data (the definition's control variant's
// slot, e.g. "0" for edX buckets), and nothing for a variant without a slot. Unlike it, it renders nothing until the answer is final (no control
// first) and renders again when stubs, the context or the definitions change.
import { defineComponent, onBeforeUnmount, onMounted, shallowRef } from 'vue';
import { hasOwn, settledVariant } from './slots.js';
import { state, subscribe } from './state.js';

export const GitlabExperiment = defineComponent({
  name: 'GitlabExperiment',
  props: {
    name: { type: String, required: true },
  },
  setup(props, { slots }) {
    // Bumped on every change of answers, so render() reads the answer again.
    const version = shallowRef(state.version);
    let unsubscribe: (() => void) | undefined;
    onMounted(() => {
      unsubscribe = subscribe(() => {
        version.value = state.version;
      });
      version.value = state.version; // a change between render and mount
    });
    onBeforeUnmount(() => unsubscribe?.());
    return () => {
      void version.value;
      const variant = settledVariant(props.name);
      if (variant === undefined) return null;
      // GitLab's rule: the variant's slot or nothing, no fallback.
      // Own slots only: a variant named 'toString' must not find Object.prototype's.
      const slot = hasOwn(slots, variant) ? slots[variant] : undefined;
      return typeof slot === 'function' ? slot() : null;
    };
  },
});

export default GitlabExperiment;
