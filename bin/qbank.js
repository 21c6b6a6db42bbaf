#!/usr/bin/env node
// Thin launcher: the CLI lives in lib/ (compiled from src/ by `npm install`'s prepare step).
import { main } from '../lib/cli/main.js';

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
