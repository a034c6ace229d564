// Vitest with describe imported from its module (globals on or off): a stub
// made in beforeAll lasts for its block, nested blocks and its afterAll
// hooks included, and is gone after it, as under Jest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExperimentData } from 'cohort-ab';
import { stubExperiments } from 'cohort-ab/testing';

const variantOf = (name) => getExperimentData(name)?.variant;

beforeAll(() => {
  stubExperiments({ file_wide: 'on' });
});

describe('a block that stubs in beforeAll', () => {
  beforeAll(() => {
    stubExperiments({ prompt: 'candidate' });
  });

  afterAll(() => {
    // the block's own afterAll still sees what its beforeAll stubbed
    expect(variantOf('prompt')).toBe('candidate');
  });

  it('sees the stub in its first test', () => {
    expect(getExperimentData('prompt')).toEqual({ experiment: 'prompt', variant: 'candidate' });
  });

  it('and in the next', () => {
    expect(variantOf('prompt')).toBe('candidate');
  });

  it('can override it for one test', () => {
    stubExperiments({ prompt: 'control' });
    expect(variantOf('prompt')).toBe('control');
  });

  it('gets the block stub back after that test', () => {
    expect(variantOf('prompt')).toBe('candidate');
  });

  describe('a nested block', () => {
    beforeAll(() => {
      stubExperiments({ prompt: 'nested', inner: 'yes' });
    });

    it('sees its own stub over the outer one', () => {
      expect(variantOf('prompt')).toBe('nested');
      expect(variantOf('inner')).toBe('yes');
    });
  });

  it('sees the outer stub again after the nested block', () => {
    expect(variantOf('prompt')).toBe('candidate');
    expect(variantOf('inner')).toBeUndefined();
  });
});

describe('the block after it', () => {
  it('no longer sees the stub', () => {
    expect(getExperimentData('prompt')).toBeUndefined();
  });

  it('still sees what the file stubbed in its beforeAll', () => {
    expect(variantOf('file_wide')).toBe('on');
  });
});
