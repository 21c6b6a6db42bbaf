#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into lib/ by `npm install`'s prepare step, and
// bundled into lib/bundle/ (scripts/bundle.mjs: a faster start); lib/cli/ when there is no bundle.
import { existsSync } from 'node:fs';

const bundle = new URL('../lib/bundle/qbank.js', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../lib/cli/main.js');

// A reader that goes away (`qbank lint | head`) is not a crash: stop writing, keep the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
