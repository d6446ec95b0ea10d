/**
 * ESLint's import-x/no-cycle follows value imports only. This finds cycles of any kind — `import
 * type` included — among the TypeScript modules of electron/ and renderer/src, so a shared type is
 * kept in a leaf module instead of pointing a dependency the wrong way (docs/architecture.md).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typescriptFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each module's relative imports, resolved to files (`./x` → `./x.ts` or `./x/index.ts`). */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = importedFiles
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => resolve(dirname(file), fileName))
      .map((base) =>
        [`${base}.ts`, join(base, 'index.ts'), base].find((path) => existsSync(path) && statSync(path).isFile()),
      )
      .filter((path): path is string => path !== undefined);
    graph.set(file, deps);
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan), i.e. the import cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (module: string): void => {
    index.set(module, counter);
    low.set(module, counter++);
    stack.push(module);
    onStack.add(module);
    for (const dep of graph.get(module) ?? []) {
      if (!index.has(dep)) {
        visit(dep);
        low.set(module, Math.min(low.get(module)!, low.get(dep)!));
      } else if (onStack.has(dep)) low.set(module, Math.min(low.get(module)!, index.get(dep)!));
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(relative(root, member));
    } while (member !== module);
    if (component.length > 1) found.push(component.sort());
  };
  for (const module of graph.keys()) if (!index.has(module)) visit(module);
  return found;
}

it('no import cycles among the TypeScript modules, type-only imports included', () => {
  const graph = importGraph([
    ...typescriptFiles(join(root, 'electron')),
    ...typescriptFiles(join(root, 'renderer/src')),
  ]);
  expect(graph.size).toBeGreaterThan(100);
  expect(cycles(graph)).toEqual([]);
});

it('the check sees a cycle made only of type imports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'axis-cycle-'));
  try {
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B | 1;\n");
    writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport type B = A | 2;\n");
    writeFileSync(join(dir, 'c.ts'), "import type { A } from './a';\nexport type C = A;\n");
    const found = cycles(importGraph(typescriptFiles(dir)));
    expect(found.map((cycle) => cycle.map((path) => path.split('/').at(-1)))).toEqual([['a.ts', 'b.ts']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
