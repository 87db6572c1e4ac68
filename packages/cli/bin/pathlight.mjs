#!/usr/bin/env node
// Plain Node launcher: packages ship TypeScript source, so register tsx, then run the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
