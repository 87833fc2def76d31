// The dossier as Markdown, for a system that keeps text files or renders Markdown. Every text is
// escaped, so a note with `*`, `|` or `<` stays the text that was typed.
import type { Dossier, DossierBlock } from './dossier.js';

/** Backslash before every character Markdown (CommonMark, GFM tables) could read as markup inline. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** As escapeInline, and a start that would make a heading, list or rule (`#`, `-`, `+`, `1.`) stays text. */
export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(/^(\s*)([-+=#>]|\d+[.)])/, '$1\\$2');
}

function block(b: DossierBlock): string {
  switch (b.kind) {
    case 'heading':
      return `### ${escapeInline(b.text)}`;
    case 'paragraph':
      return b.muted ? `*${escapeMarkdown(b.text)}*` : escapeMarkdown(b.text);
    case 'list': {
      const items = b.items.map((i) => `- ${escapeMarkdown(i.text)}${i.detail ? `  \n  ${escapeMarkdown(i.detail)}` : ''}`);
      return [...(b.title ? [`**${escapeMarkdown(b.title)}**`, ''] : []), ...items].join('\n');
    }
    case 'table': {
      const row = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
      return [row(b.head), `|${b.head.map(() => ' --- |').join('')}`, ...b.rows.map(row)].join('\n');
    }
    case 'picture':
      // Plain characters in a fence: nothing in it is read as Markdown (no fence can occur in it).
      return ['```text', b.text.replace(/`/g, "'"), '```'].join('\n');
  }
}

export function renderDossierMarkdown(d: Dossier): string {
  const parts = [`# ${escapeInline(d.title)}`, escapeMarkdown(d.subtitle), `> ${escapeMarkdown(d.intro)}`];
  for (const s of d.sections) parts.push(`## ${escapeInline(s.heading)}`, ...s.blocks.map(block));
  parts.push('---', `*${escapeMarkdown(d.footer)}*`);
  return `${parts.join('\n\n')}\n`;
}
