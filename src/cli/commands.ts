// Every command's register function, and the commander classes main() builds the program with,
// in one module: the CLI bundle (scripts/bundle.mjs) then puts a command's whole static graph
// in one file. Importing each command on its own made esbuild split what they share into ~20
// small files, each resolved, read, compiled and linked on every start; the other commands'
// own code costs less than that.
export { Command, CommanderError, Option } from 'commander';
export { registerBuild as build } from './build.js';
export { registerLint as lint } from './lint.js';
export { registerRules as rules } from './rules.js';
export { registerInit as init } from './init.js';
export { registerStats as stats } from './stats.js';
export { registerPrint as print } from './print.js';
