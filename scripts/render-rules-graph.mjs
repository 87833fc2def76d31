#!/usr/bin/env node
// Renders `zorgroute rules graph` to SVG with Mermaid itself (its browser bundle from
// node_modules/mermaid, run in a headless Chromium), for docs/rules-graph.svg:
//
//   npm run build && node scripts/render-rules-graph.mjs [ID|FILE] [--out FILE] [--lang nl|en]
//
// Needs a Chromium (Debian: apt-get install chromium; or CHROMIUM=/path/to/chrome).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const out = flag('--out', join(root, 'docs', 'rules-graph.svg'));
const lang = flag('--lang', 'nl');
const chromium = process.env.CHROMIUM ?? 'chromium';

const text = execFileSync(process.execPath, [join(root, 'bin', 'zorgroute.js'), 'rules', 'graph', ...args, '--lang', lang], { encoding: 'utf8' });
const bundle = pathToFileURL(join(root, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')).href;
const page = `<!doctype html><meta charset="utf-8"><body><pre id="out">pending</pre>
<script src="${bundle}"></script>
<script>
  // Plain SVG text (no HTML in foreignObject), so that the file is XML any viewer can open.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false, wrappingWidth: 260 } });
  mermaid.render('rules', ${JSON.stringify(text)})
    .then(({ svg }) => {
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      document.getElementById('out').textContent = new XMLSerializer().serializeToString(holder.firstElementChild);
    })
    .catch((e) => { document.getElementById('out').textContent = 'ERROR ' + e; });
</script>`;
const dir = mkdtempSync(join(tmpdir(), 'zorgroute-graph-'));
try {
  const html = join(dir, 'graph.html');
  writeFileSync(html, page);
  const dom = execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--virtual-time-budget=30000', '--dump-dom', pathToFileURL(html).href], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const pre = /<pre id="out">([\s\S]*?)<\/pre>/.exec(dom)?.[1] ?? '';
  const svg = pre.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
  if (!svg.startsWith('<svg')) {
    console.error(`Mermaid did not render the graph: ${svg.slice(0, 300)}`);
    process.exitCode = 1;
  } else {
    writeFileSync(out, `${svg}\n`);
    console.error(`${out}: ${svg.length} bytes`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
