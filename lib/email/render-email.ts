import "server-only";
import { render, toPlainText } from "@react-email/components";
import type { ReactElement } from "react";

export interface RenderedEmail {
  html: string;
  text: string;
}

/** Renders a react-email template to an HTML document and its plain-text alternative. */
export async function renderEmail(element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
