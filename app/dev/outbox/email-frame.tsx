"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * The recorded email's html in a sandboxed frame that grows to the email's own height, so nothing (the
 * footer least of all) is cut off behind a fixed-height box. The frame runs no scripts (no allow-scripts);
 * allow-same-origin only lets this page read the frame's height. Links open in a new tab.
 */
export function EmailFrame({ title, html }: { title: string; html: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const fit = useCallback(() => {
    const document = frame.current?.contentDocument;
    if (!frame.current || !document?.documentElement) return;
    // Measured from the content, not the frame: the frame's own height would only ever grow.
    const height = Math.max(document.body?.scrollHeight ?? 0, document.documentElement.getBoundingClientRect().height);
    frame.current.style.height = `${Math.ceil(height) + 2}px`;
  }, []);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    // The frame may have loaded before hydration: fit now, and again whenever the width changes the layout.
    fit();
    const observer = new ResizeObserver(() => fit());
    observer.observe(element);
    return () => observer.disconnect();
  }, [fit]);
  return (
    <iframe
      ref={frame}
      title={title}
      srcDoc={html}
      onLoad={fit}
      sandbox="allow-popups allow-popups-to-escape-sandbox allow-same-origin"
      className="min-h-64 w-full rounded-lg border bg-white"
      data-testid="email-frame"
    />
  );
}
