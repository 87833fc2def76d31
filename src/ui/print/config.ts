// `zorgroute config` for people: the settings file, then each setting with its value and where it
// came from, wrapped at the terminal's width with the value under its flag when the line is short.
import type { ConfigResult } from '../../commands/config.js';
import { wrapLines } from '../layout.js';
import { settingsMessagesFor } from '../messages/settings.js';
import type { Style } from '../style.js';

export function formatConfig(style: Style, result: ConfigResult): string {
  const m = settingsMessagesFor(style.msgs.lang);
  const keyWidth = Math.max(...result.settings.map((s) => s.flag.length)) + 2;
  const lines = wrapLines(m.fileLine(result.settingsFile), style.width, '', '  ');
  lines.push('');
  for (const s of result.settings) {
    const lead = `  ${s.flag.padEnd(keyWidth)}`;
    const source = m.source(s.source, s);
    lines.push(...wrapLines(`${s.value ?? m.none}  [${source}]`, style.width, lead, ' '.repeat(lead.length)));
  }
  lines.push('', ...wrapLines(m.precedence, style.width));
  return lines.join('\n');
}
