// `cohort-ab/gitlab-experiment`: the Vue component under a path that does
// not end in "/vue". Jest's @vue/vue3-jest names the import of a module
// whose path ends in "/vue" like the compiled template's require('vue'),
// which then overwrites it in <script setup> components (vue-jest issue
// 512). `cohort-ab/vue` stays as an alias.
export { GitlabExperiment, GitlabExperiment as default } from './vue.js';
