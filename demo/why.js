// "Why am I seeing this": one sentence per reason of SPEC §3, in pipeline order.
const WHY = {
  stubbed: 'forced by a stub (the stub panel below)',
  published: 'pushed by the server in window.gl.experiments',
  unknown: 'no definition and no pushed data: control',
  disabled: 'the experiment is off: everyone sees control',
  cached: 'sticky: the variant assigned to this context earlier',
  excluded: 'excluded by a rule or the enrollment window: control',
  forced: 'forced for this context by an override',
  segment: 'a segment rule picked this variant',
  gate: 'outside the rollout percentage: control',
  split: 'hashed into this variant by the weights',
  error: 'bad input (see the errors): control',
};

export function why(reason) {
  return WHY[reason] ?? `reason ${reason}`;
}
