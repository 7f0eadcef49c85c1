import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Relative specifiers a module loads at run time: type-only imports and re-exports are erased, nothing else. */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      // `import { type A } from` is kept as `import {} from` under verbatimModuleSyntax: it loads the module
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.'));
}

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
}

/** Every source file `entry` loads at run time, as paths relative to the repository. */
function runtimeGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const name = relative(ROOT, file);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const specifier of runtimeSpecifiers(file)) queue.push(resolveModule(file, specifier));
  }
  return seen;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the proxy loads no browser-client code (issue 7, item 4)', () => {
  const graph = runtimeGraph('src/proxy/index.ts');

  it('reaches nothing under src/client, src/query, src/react or src/components at run time', () => {
    const outside = [...graph].filter((file) => /^src\/(client|query|react|components|embed)\//.test(file));
    expect(outside).toEqual([]);
  });

  it('takes the id, link and cost rules from the shared leaf, which imports nothing outside itself', () => {
    expect(graph).toContain('src/shared/index.ts');
    const leaf = runtimeGraph('src/shared/index.ts');
    expect([...leaf].filter((file) => !file.startsWith('src/shared/'))).toEqual([]);
  });

  it('sees through type-only imports but not value imports (the check itself works)', () => {
    // the proxy's options import client types only; the client entry itself loads its runtime
    expect(runtimeGraph('src/client/index.ts')).toContain('src/client/createClient.ts');
    expect(graph.size).toBeGreaterThan(20);
  });
});

describe('one Node⇄Web adapter and one capped body reader (issue 7, item 4)', () => {
  it('the proxy and the local API server both use src/http', () => {
    for (const entry of ['src/proxy/index.ts', 'src/mock/server.ts']) {
      const graph = runtimeGraph(entry);
      expect(graph).toContain('src/http/cappedBody.ts');
      expect(graph).toContain('src/http/nodeRequest.ts');
      expect(graph).toContain('src/http/nodeResponse.ts');
    }
  });

  it('no other source file converts Node requests or responses, or reads a body with a limit, itself', () => {
    const copies = sourceFiles(join(ROOT, 'src'))
      .filter((file) => !relative(ROOT, file).startsWith('src/http/'))
      .filter((file) =>
        /\bfunction (toWebRequest|sendWebResponse|readCapped|readBody|readNodeBody|nodeBodyReader)\b|\.getReader\(\)|for await \(const \w+ of req\b/.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(ROOT, file));
    expect(copies).toEqual([]);
  });
});
