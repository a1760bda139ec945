// `next start` server processes for the bench: started on free ports, ready when /api/v1/ping answers,
// and always stopped (their whole process group) at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface NextServer {
  name: string;
  url: string;
  pid: number;
  /** The last lines the server printed (for a failure report). */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/v1/ping`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer ${url}/api/v1/ping within ${timeoutMs / 1000} s:\n${output()}`);
}

export async function startNextServer(name: string, env: Record<string, string>): Promise<NextServer> {
  const port = await freePort();
  const lines: string[] = [];
  const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stop() reaches anything it forks
  });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const output = () => lines.slice(-30).join("\n");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = child.pid ?? 0;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        child.kill(signal);
      }
    };
    signalGroup("SIGTERM");
    const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
    if (!killed) {
      signalGroup("SIGKILL");
      await exited;
    }
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, output, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, url, pid, output, stop };
}
