// An experiment resolved in the browser and rendered by the Vue component:
// nothing shows until the answer is final, then the variant's slot.
import { init } from 'cohort-ab';
import { createApp } from 'vue';
import App from './App.vue';

init({
  definitions: { experiments: [{ name: 'pill_color', variants: ['control', 'red'], weights: [0, 1] }] },
  context: { actor: 'user:42' },
  onError: (error) => document.body.setAttribute('data-error', `${error.source}: ${error.message}`),
});

createApp(App).mount('#app');
