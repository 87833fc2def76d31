import fs from 'node:fs';
import { parse, Parser } from 'csv-parse';
const file = process.argv[2], mode = process.argv[3];
const t0 = performance.now(); let n = 0;
const opts = { delimiter: ';', bom: true, relax_column_count: true };
if (mode === 'data') {
  await new Promise((res, rej) => fs.createReadStream(file).pipe(parse(opts)).on('data', () => n++).on('end', res).on('error', rej));
} else if (mode === 'iter') {
  for await (const r of fs.createReadStream(file).pipe(parse(opts))) n++;
} else if (mode === 'iterinfo') {
  for await (const r of fs.createReadStream(file).pipe(parse({...opts, info: true}))) n++;
} else if (mode === 'api') {
  const p = new Parser(opts);
  for await (const chunk of fs.createReadStream(file, {highWaterMark: 256*1024})) {
    const err = p.api.parse(chunk, false, () => n++, () => {});
    if (err) throw err;
  }
  p.api.parse(undefined, true, () => n++, () => {});
} else if (mode === 'apiinfo') {
  const p = new Parser({...opts, info: true});
  for await (const chunk of fs.createReadStream(file, {highWaterMark: 256*1024})) {
    const err = p.api.parse(chunk, false, () => n++, () => {});
    if (err) throw err;
  }
  p.api.parse(undefined, true, () => n++, () => {});
}
const s = (performance.now() - t0) / 1000;
console.log(mode, n, s.toFixed(2), Math.round(n / s), 'rows/s');
