#!/usr/bin/env node
// Shim: the CLI lives in the build output so `npm install` (which builds) is all a user needs.
import '../dist/cli/main.js';
