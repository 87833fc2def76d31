// The dossier as one self-contained HTML page: inline CSS (with a print style), no scripts, no
// external assets, every text HTML-escaped. Opens in any browser and prints on A4.
import type { Dossier, DossierBlock } from './dossier.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const CSS = `
  :root { color-scheme: light; }
  body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; }
  h3 { font-size: 1rem; margin: 1.25rem 0 .35rem; }
  p { margin: .3rem 0; }
  .subtitle, .muted, footer { color: #555; }
  .intro { background: #f3f3f3; border-left: 3px solid #888; padding: .5rem .75rem; }
  .list-title { font-weight: 600; margin-top: .5rem; }
  ul { margin: .2rem 0 .4rem 1.25rem; padding: 0; }
  li { margin: .15rem 0; }
  .detail { display: block; color: #444; }
  table { border-collapse: collapse; width: 100%; margin: .3rem 0; }
  th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
  th { border-bottom: 1px solid #888; }
  figure.picture { margin: .5rem 0; break-inside: avoid; page-break-inside: avoid; }
  figure.picture svg { max-width: 100%; height: auto; }
  .event { break-inside: avoid; page-break-inside: avoid; }
  footer { margin-top: 2rem; font-size: .9em; border-top: 1px solid #bbb; padding-top: .4rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; }
    h2 { break-after: avoid; page-break-after: avoid; }
    .intro { background: none; }
    @page { size: A4; margin: 18mm 16mm; }
  }
`;

function block(b: DossierBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'paragraph':
      return `<p${b.muted ? ' class="muted"' : ''}>${escapeHtml(b.text)}</p>`;
    case 'list': {
      const items = b.items.map((i) => `<li>${escapeHtml(i.text)}${i.detail ? `<span class="detail">${escapeHtml(i.detail)}</span>` : ''}</li>`);
      return `${b.title ? `<p class="list-title">${escapeHtml(b.title)}</p>` : ''}<ul>${items.join('')}</ul>`;
    }
    case 'table': {
      const head = b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
      const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
      return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
    case 'picture':
      return `<figure class="picture">${b.svg}</figure>`;
  }
}

/** Each event of the timeline (a heading and what follows it) kept together on a printed page. */
function blocks(list: readonly DossierBlock[]): string {
  const out: string[] = [];
  let open = false;
  for (const b of list) {
    if (b.kind === 'heading') {
      if (open) out.push('</div>');
      out.push('<div class="event">');
      open = true;
    }
    out.push(block(b));
  }
  if (open) out.push('</div>');
  return out.join('\n');
}

export function renderDossierHtml(d: Dossier): string {
  const sections = d.sections.map((s) => `<section>\n<h2>${escapeHtml(s.heading)}</h2>\n${blocks(s.blocks)}\n</section>`);
  return `<!doctype html>
<html lang="${d.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(d.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(d.title)}</h1>
<p class="subtitle">${escapeHtml(d.subtitle)}</p>
<p class="intro">${escapeHtml(d.intro)}</p>
</header>
${sections.join('\n')}
<footer>${escapeHtml(d.footer)}</footer>
</body>
</html>
`;
}
