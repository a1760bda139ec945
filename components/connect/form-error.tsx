import { CircleAlert } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/auth/action-guards";

/** The error of a failed server action, in plain words, with field issues when zod found any. */
export function FormError<T>({ result, checkFormLabel = "Please check the form:" }: { result: ActionResult<T> | null; checkFormLabel?: string }) {
  if (!result || result.ok) return null;
  const issues = (result.error.details?.issues as { path: string; message: string }[] | undefined) ?? [];
  return (
    <Alert variant="destructive">
      <CircleAlert aria-hidden />
      <AlertDescription>
        <p>{issues.length ? checkFormLabel : result.error.message}</p>
        {issues.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {issues.map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        )}
      </AlertDescription>
    </Alert>
  );
}
