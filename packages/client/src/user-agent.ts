/** Amazon requires `Language=` in the User-Agent; `Platform=` is recommended. */
const SUFFIX = "(Language=TypeScript; Platform=Node)";

export const DEFAULT_USER_AGENT = "LatchkeyWorkerClient/1.0";

/** `AppName/1.0` becomes `AppName/1.0 (Language=TypeScript; Platform=Node)`; an agent that already names its language is kept. */
export function buildUserAgent(appAgent: string = DEFAULT_USER_AGENT): string {
  const trimmed = appAgent.trim() || DEFAULT_USER_AGENT;
  const agent = /\(Language=/i.test(trimmed) ? trimmed : `${trimmed} ${SUFFIX}`;
  return agent.slice(0, 500);
}
