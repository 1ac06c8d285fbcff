import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('README.md', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

  it('starts with the two commands: install and run the demo, and run the tests (what CI runs)', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1];
    expect(firstBlock).toMatch(/^npm ci && npm run demo\b/m);
    expect(firstBlock).toMatch(/^npm test\b/m);
    expect(readFileSync(join(__dirname, '../../.ci/run'), 'utf8')).toMatch(/^npm ci\b[\s\S]*^npm test\b/m);
  });

  it('shows the usage example that test/docs/readme-example.ts type-checks', () => {
    const example = readFileSync(join(__dirname, 'readme-example.ts'), 'utf8');
    const body = /\/\/ README-BEGIN\nexport async function readmeExample\(\): Promise<void> \{\n([\s\S]*?)\n\}\n\/\/ README-END/.exec(example)![1];
    const shown = /```ts\n([\s\S]*?)```/.exec(readme)![1];
    const code = (text: string) => text.split('\n').filter((l) => !l.startsWith('import ') && l.trim() !== '').join('\n');
    expect(code(shown)).toBe(code(body));
  });

  it.each(['PULL', 'STREAM', 'PUSH'])('shows the %s notification example that test/docs/notifications-example.ts type-checks', (name) => {
    const example = readFileSync(join(__dirname, 'notifications-example.ts'), 'utf8');
    const body = new RegExp(`// README-${name}-BEGIN\\n[^\\n]*\\n([\\s\\S]*?)\\n\\}\\n// README-${name}-END`).exec(example)![1];
    const code = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n');
    expect(readme.includes('```ts\n')).toBe(true);
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => code(match[1]));
    expect(blocks).toContain(code(body));
  });
});
