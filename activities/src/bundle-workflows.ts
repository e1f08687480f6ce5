// Build step: bundles the workflow code once (webpack), so production workers start without
// bundling and every worker of a deployment runs the very same code.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { failureConverterPath } from '@voltpay/stack/worker-data-converter';
import { WORKFLOW_BUNDLE_PATH, workflowsPath } from './worker';

// The failure converter runs inside the sandbox too: it must be the worker's (see payload-codec.ts).
const { code } = await bundleWorkflowCode({ workflowsPath, failureConverterPath });
await mkdir(path.dirname(WORKFLOW_BUNDLE_PATH), { recursive: true });
await writeFile(WORKFLOW_BUNDLE_PATH, code);
console.log(`Workflow bundle: ${path.relative(process.cwd(), WORKFLOW_BUNDLE_PATH)} (${Math.round(code.length / 1024)} KiB)`);
