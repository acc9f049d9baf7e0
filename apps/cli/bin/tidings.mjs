#!/usr/bin/env node
// The `tidings` command. Plain JavaScript, so it runs from a clean clone without a build:
// it registers tsx, then loads the TypeScript entry point.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
