"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OutcomePoint } from "@/lib/monitoring/get-outcome-series";

const SERIES = [
  { key: "r401", name: "401 unauthorized", color: "#dc2626" },
  { key: "r403", name: "403 forbidden", color: "#ea580c" },
  { key: "r429", name: "429 throttled", color: "#ca8a04" },
  { key: "r5xx", name: "5xx / no answer", color: "#7c3aed" },
] as const;

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

function timeLabel(iso: string, stepMs: number): string {
  const d = new Date(iso);
  return stepMs >= 3_600_000 ? `${d.toISOString().slice(5, 10)} ${d.toISOString().slice(11, 16)}` : d.toISOString().slice(11, 16);
}

export function OutcomeChartsView({ points, stepMs }: { points: OutcomePoint[]; stepMs: number }) {
  const data = points.map((p) => ({
    time: timeLabel(p.t, stepMs),
    calls: p.calls,
    r401: percent(p.s401, p.calls),
    r403: percent(p.s403, p.calls),
    r429: percent(p.s429, p.calls),
    r5xx: percent(p.s5xx + p.network, p.calls),
    refreshesOk: p.refreshes - p.refreshFailures,
    refreshFailures: p.refreshFailures,
  }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="space-y-2">
        <figcaption className="text-sm font-medium">SP-API error rates (% of calls, UTC)</figcaption>
        <div className="h-64">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
              <XAxis dataKey="time" fontSize={11} minTickGap={24} />
              <YAxis fontSize={11} unit="%" domain={[0, "auto"]} />
              <Tooltip
                formatter={(value, name) => [`${String(value)}%`, name]}
                labelFormatter={(label, payload) => {
                  const calls = (payload[0]?.payload as { calls?: number } | undefined)?.calls ?? 0;
                  return `${String(label)} UTC: ${calls === 0 ? "no calls" : `${calls} call${calls === 1 ? "" : "s"}`}`;
                }}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {SERIES.map((s) => (
                <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="space-y-2">
        <figcaption className="text-sm font-medium">Token refreshes with Login with Amazon (UTC)</figcaption>
        <div className="h-64">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
              <XAxis dataKey="time" fontSize={11} minTickGap={24} />
              <YAxis fontSize={11} allowDecimals={false} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="refreshesOk" name="succeeded" stackId="r" fill="#16a34a" isAnimationActive={false} />
              <Bar dataKey="refreshFailures" name="failed" stackId="r" fill="#dc2626" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
