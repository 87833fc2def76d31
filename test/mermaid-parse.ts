// Mermaid's own parser, run in node: `mermaid.parse` checks a diagram's text without drawing it.
// Mermaid sets up DOMPurify (for drawing labels as HTML) on the way in; in node DOMPurify has no
// window and no addHook, so its hooks are given no-op stand-ins here — the parse itself is Mermaid's.
import DOMPurify from 'dompurify';

export async function parseMermaid(text: string): Promise<unknown> {
  const purify = DOMPurify as unknown as Record<string, unknown>;
  purify.addHook ??= () => undefined;
  purify.removeHook ??= () => undefined;
  purify.sanitize ??= (s: string) => s;
  const { default: mermaid } = await import('mermaid');
  return mermaid.parse(text);
}
