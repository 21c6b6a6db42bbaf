#!/usr/bin/env node
// Thin launcher: the CLI lives in lib/ (compiled from src/ by `npm install`'s prepare step).
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
