// The demo's query and the context built from it, shared by the page (local
// resolution in the browser) and the server (pushed data from `cohort
// publish`), so both resolve the same context.
//
//   ?mode=local|pushed  &user=42  &course=course-v1:edX%2BDemoX%2B2026  &push=off
//   (a literal + in a query is a space: course ids are written with %2B)

/** The courses the page offers; '' is "no course". */
export const COURSES = ['', 'course-v1:edX+DemoX+2026', 'course-v1:edX+Other+2025'];

export const MODES = ['local', 'pushed'];

const USER = /^[0-9]{1,9}$/;
const COURSE = /^course-v1:[A-Za-z0-9_.+-]{1,80}$/;

/**
 * Reads a URLSearchParams: `{ mode, user, course, push, errors }`. A bad
 * parameter keeps its default and adds `{ param, message }` to `errors`.
 */
export function readQuery(params) {
  const query = { mode: 'local', user: '42', course: COURSES[1], push: true, errors: [] };
  const one = (name) => {
    const all = params.getAll(name);
    if (all.length > 1) query.errors.push({ param: name, message: `given ${all.length} times; expected once` });
    return all.length === 1 ? all[0] : undefined;
  };
  const mode = one('mode');
  if (mode !== undefined) {
    if (MODES.includes(mode)) query.mode = mode;
    else query.errors.push({ param: 'mode', message: `expected one of ${MODES.join(', ')}, got ${JSON.stringify(mode.slice(0, 40))}` });
  }
  const user = one('user');
  if (user !== undefined) {
    if (USER.test(user)) query.user = String(Number(user));
    else query.errors.push({ param: 'user', message: `expected a user id of 1 to 9 digits, got ${JSON.stringify(user.slice(0, 40))}` });
  }
  const course = one('course');
  if (course !== undefined) {
    if (course === '' || COURSE.test(course)) query.course = course;
    else query.errors.push({ param: 'course', message: `expected a course-v1: id, got ${JSON.stringify(course.slice(0, 40))}` });
  }
  const push = one('push');
  if (push !== undefined) {
    if (push === 'on' || push === 'off') query.push = push === 'on';
    else query.errors.push({ param: 'push', message: `expected on or off, got ${JSON.stringify(push.slice(0, 40))}` });
  }
  return query;
}

/** The context of the query's user and course: GLEX's actor, edX's username and course. */
export function contextFor({ user, course }) {
  return { actor: `user:${user}`, username: `learner${user}`, ...(course ? { course } : {}) };
}
