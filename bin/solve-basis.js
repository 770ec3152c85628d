#!/usr/bin/env node
import { runMain } from '../dist/cli/run.js';

runMain();
