export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Tags a template literal so every interpolation is escaped unless it is already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type HtmlValue = string | number | SafeHtml | readonly SafeHtml[] | undefined | null | false;

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: SafeHtml) => item.value).join("");
  return escapeHtml(String(value));
}

const STYLE = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "Amazon Ember", Arial, Helvetica, sans-serif; background: #f3f3f3; color: #0f1111; }
  header { background: #232f3e; color: #fff; padding: 12px 24px; display: flex; align-items: center; gap: 12px; }
  header .brand { font-weight: 700; font-size: 18px; }
  header .brand span { color: #ff9900; }
  header .badge { font-size: 12px; background: #ff9900; color: #232f3e; border-radius: 3px; padding: 2px 6px; font-weight: 700; }
  main { max-width: 760px; margin: 32px auto; background: #fff; border: 1px solid #d5d9d9; border-radius: 8px; padding: 28px 32px; }
  main.wide { max-width: 1080px; }
  h1 { font-size: 24px; margin: 0 0 12px; font-weight: 400; }
  h2 { font-size: 18px; margin: 24px 0 8px; }
  p { line-height: 1.5; }
  .muted { color: #565959; font-size: 14px; }
  fieldset { border: 1px solid #d5d9d9; border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
  legend { font-weight: 700; padding: 0 4px; }
  label.account { display: flex; gap: 10px; align-items: center; padding: 8px 4px; border-bottom: 1px solid #eee; cursor: pointer; }
  label.account:last-child { border-bottom: none; }
  .id { font-family: Menlo, Consolas, monospace; font-size: 13px; color: #565959; }
  .actions { display: flex; gap: 12px; margin-top: 20px; }
  button, .button { font: inherit; border-radius: 8px; padding: 8px 18px; cursor: pointer; border: 1px solid #d5d9d9; background: #fff; color: #0f1111; text-decoration: none; display: inline-block; }
  button.primary, .button.primary { background: #ffd814; border-color: #fcd200; }
  button.primary:hover { background: #f7ca00; }
  table { width: 100%; border-collapse: collapse; font-size: 14px; }
  th, td { text-align: left; padding: 8px; border-bottom: 1px solid #eee; vertical-align: top; }
  code { font-family: Menlo, Consolas, monospace; font-size: 13px; background: #f7f7f7; padding: 1px 4px; border-radius: 4px; word-break: break-all; }
  .token { display: block; padding: 12px; margin: 12px 0; border: 1px solid #d5d9d9; }
  .error { border-left: 4px solid #cc0c39; padding: 4px 16px; }
  .error-code { font-family: Menlo, Consolas, monospace; font-weight: 700; color: #cc0c39; }
  .notice { background: #f0f8ff; border: 1px solid #b6d7f0; border-radius: 8px; padding: 8px 12px; font-size: 14px; }
`;

export function page(title: string, body: SafeHtml, options: { wide?: boolean } = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<header><div class="brand">amazon <span>sandbox</span></div><div class="badge">SIMULATOR</div></header>
<main${options.wide ? new SafeHtml(' class="wide"') : ""}>
${body}
</main>
</body>
</html>`.value;
}
