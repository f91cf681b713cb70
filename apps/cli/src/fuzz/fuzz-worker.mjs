// Runs `monspec validate` in-process through the compiled CLI's own entry (dist/main.js), one case
// per message, so the fuzz test exercises exactly what users run. Plain JS: workers load it directly.
import { parentPort } from 'node:worker_threads';
import { main } from '../../dist/main.js';
import { createStyle } from '../../dist/output/style.js';

const LIMIT = 20_000;
parentPort.on('message', async ({ id, dir, args }) => {
  let out = '';
  let err = '';
  const style = createStyle({ isTTY: false });
  const io = {
    cwd: dir,
    env: { NO_COLOR: '1' },
    out: (t) => (out.length < LIMIT ? (out += t.slice(0, LIMIT) + '\n') : undefined),
    err: (t) => (err.length < LIMIT ? (err += t.slice(0, LIMIT) + '\n') : undefined),
    style,
    errStyle: style,
  };
  const before = process.memoryUsage().heapUsed;
  let code;
  try {
    code = await main(args ?? ['validate', '--spec', dir], io);
  } catch (e) {
    code = 'threw';
    err += String(e instanceof Error ? e.stack : e);
  }
  parentPort.postMessage({ id, code, out, err, heapDelta: process.memoryUsage().heapUsed - before });
});
