import { CircleAlert } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/auth/action-guards";

export type Issue = { path: string; message: string };

function issuesOf<T>(result: ActionResult<T> | null): Issue[] {
  if (!result || result.ok) return [];
  return (result.error.details?.issues as Issue[] | undefined) ?? [];
}

/**
 * The error of a failed server action, in plain words, with field issues when zod found any. It is an alert
 * (announced by screen readers as it appears); give it an `id` and pass the same to `fieldErrorProps` so
 * each field it names points at it. `messageFor` and `issueFor` put the server's words into the reader's
 * language (PartnerFormError); without them they are shown as the server wrote them.
 */
export function FormError<T>({
  result,
  id,
  checkFormLabel = "Please check the form:",
  messageFor = (_code, message) => message,
  issueFor = (issue) => issue.message,
}: {
  result: ActionResult<T> | null;
  id?: string;
  checkFormLabel?: string;
  messageFor?: (code: string, serverMessage: string) => string;
  issueFor?: (issue: Issue) => string;
}) {
  if (!result || result.ok) return null;
  const issues = issuesOf(result);
  return (
    <Alert variant="destructive" id={id}>
      <CircleAlert aria-hidden />
      <AlertDescription>
        <p>{issues.length ? checkFormLabel : messageFor(result.error.code, result.error.message)}</p>
        {issues.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {issues.map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>{issueFor(issue)}</li>
            ))}
          </ul>
        )}
      </AlertDescription>
    </Alert>
  );
}

/** aria-invalid and aria-describedby (the FormError's id) for a field the failed submission names. */
export function fieldErrorProps<T>(result: ActionResult<T> | null, field: string, errorId: string, describedBy?: string): { "aria-invalid"?: true; "aria-describedby"?: string } {
  const invalid = issuesOf(result).some((issue) => issue.path === field || issue.path.startsWith(`${field}.`));
  const ids = [invalid ? errorId : undefined, describedBy].filter(Boolean).join(" ");
  return { ...(invalid ? { "aria-invalid": true as const } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
}
