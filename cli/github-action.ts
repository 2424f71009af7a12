// The entry action.yml runs (compiled to dist/github-action.mjs): see action-run.ts.
import { runAction } from "./action-run";

process.exitCode = await runAction(process.env);
