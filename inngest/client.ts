// The Inngest client, where /api/inngest and the function declarations expect it (it lives in lib/workflows,
// which sends the events).
export { inngest } from "@/lib/workflows/inngest-client";
