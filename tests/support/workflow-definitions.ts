// The integration tests' process is its own entry point: it tells the in-process runner where the workflow
// definitions are, as instrumentation.ts does for the server.
import { provideWorkflowDefinitions } from "@/lib/workflows/in-process-runner";

provideWorkflowDefinitions(async () => (await import("@/inngest/functions")).workflowDefinitions());
