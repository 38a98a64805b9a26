#!/usr/bin/env node
// The `dataml` command (package.json "bin"): runs cli/main.ts through tsx, resolved from this package.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
