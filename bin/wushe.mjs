#!/usr/bin/env node
// Launcher for `npx wushe …`: registers tsx so that Node 20 runs the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
