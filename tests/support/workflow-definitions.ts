// The integration tests' process is its own entry point: it tells the in-process runner where the workflow
// definitions are, and subscribes the lifecycle webhooks to the state machine, as instrumentation.ts does for the server.
import { subscribeLifecycleWebhooks } from "@/lib/webhooks/lifecycle-events";
import { provideWorkflowDefinitions } from "@/lib/workflows/in-process-runner";

provideWorkflowDefinitions(async () => (await import("@/inngest/functions")).workflowDefinitions());

subscribeLifecycleWebhooks();
