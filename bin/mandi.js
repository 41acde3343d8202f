#!/usr/bin/env node
// The `mandi` command for `npx mandi …` or a global install: loads TypeScript through tsx, then runs the CLI.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli.ts')
