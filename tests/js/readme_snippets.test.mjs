// The snippets of js/README.md run, and print what their comments say:
//   ```js  blocks with `it(` run under Vitest (Jest-style globals);
//          the others run in Node as modules inside js/ (so `cohort-ab` is the
//          package itself) and must print, line by line, the `// → value`
//          comments in order (text after two spaces is a remark);
//   ```html blocks are excerpts of demo/index.html, which the browser tests run.
//
//   node --test tests/js/readme_snippets.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'js');
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m, i) => ({ lang: m[1], code: m[2], index: i }));
const trimmedLines = (text) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

describe('js/README.md', () => {
  it('has snippets', () => assert.ok(blocks.filter((b) => b.lang === 'js').length >= 3));

  // Configuration blocks (`// jest.config.js`, `// webpack.config.js`): the
  // Jest aliases run in the pack test (tests/js/pack_smoke_test.sh reads
  // them from this README); here both must load and map GitLab's modules to
  // the same package entries.
  const configs = Object.fromEntries(
    blocks
      .filter((b) => b.lang === 'js' && /^\/\/ (jest|webpack)\.config\.js$/.test(b.code.split('\n')[0]))
      .map((b) => {
        const module = {};
        new Function('module', b.code)(module);
        return [b.code.split('\n')[0].slice(3), module.exports];
      }),
  );
  it('gives the GitLab aliases for Jest and webpack, mapping the same modules alike', () => {
    const jest = Object.entries(configs['jest.config.js'].moduleNameMapper).map(([from, to]) => [from.replace(/^\^|\$$/g, '').replace(/\\\./g, '.'), to]);
    assert.equal(jest.length, 4);
    const webpack = Object.entries(configs['webpack.config.js'].resolve.alias).map(([from, to]) => [from.replace(/\$$/, ''), to]);
    assert.deepEqual(
      webpack,
      jest.filter(([from]) => !from.startsWith('helpers/')),
    );
  });

  for (const block of blocks.filter((b) => b.lang === 'js')) {
    const first = block.code.split('\n')[0];
    if (/^\/\/ (jest|webpack)\.config\.js$/.test(first)) continue;
    if (/\bit\(/.test(block.code)) {
      it(`test snippet ${block.index} (${first}) passes under Vitest`, () => {
        const file = join(root, 'tests', 'js', `readme-snippet-${block.index}.vitest.mjs`);
        writeFileSync(file, block.code);
        try {
          execFileSync(
            process.execPath,
            [join(pkg, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'vitest.config.mjs', '--globals', `readme-snippet-${block.index}`],
            { cwd: pkg, stdio: 'pipe' },
          );
        } finally {
          rmSync(file, { force: true });
        }
      });
    } else {
      it(`snippet ${block.index} (${first}) prints what its comments say`, () => {
        const expected = [...block.code.matchAll(/\/\/ → (.*?)(?: {2}.*)?$/gm)].map((m) => m[1]);
        assert.ok(expected.length > 0, 'a snippet says what it prints');
        const file = join(pkg, `.readme-snippet-${block.index}.mjs`);
        writeFileSync(file, block.code);
        try {
          const out = execFileSync(process.execPath, [file], { cwd: pkg, encoding: 'utf8' });
          assert.deepEqual(out.trimEnd().split('\n'), expected);
        } finally {
          rmSync(file, { force: true });
        }
      });
    }
  }

  for (const block of blocks.filter((b) => b.lang === 'html')) {
    it(`html snippet ${block.index} is an excerpt of demo/index.html`, () => {
      const page = trimmedLines(readFileSync(join(root, 'demo', 'index.html'), 'utf8'));
      const excerpt = trimmedLines(block.code);
      const at = page.indexOf(excerpt[0]);
      assert.ok(at >= 0, `demo/index.html has ${excerpt[0]}`);
      assert.deepEqual(page.slice(at, at + excerpt.length), excerpt);
    });
  }
});
