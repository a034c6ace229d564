// `cohort-ab/constants`: the names GitLab's `~/experimentation/constants`
// exports, with GitLab's current values, so that module can be aliased here.

/** GLEX's Snowplow schema for the experiment context (SPEC §4): GitLab's current one; older GitLab used 1-0-0. */
export const TRACKING_CONTEXT_SCHEMA = 'iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3';
/** GitLab's default (control) variant name. */
export const DEFAULT_VARIANT = 'control';
/** GitLab's candidate variant name. */
export const CANDIDATE_VARIANT = 'candidate';
