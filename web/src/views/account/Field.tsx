import type { TargetedEvent } from "preact";
import type { ApiProblem } from "../../api/client";

type InputEvent = TargetedEvent<HTMLInputElement, Event>;

/** The input attributes the account forms use (Preact's own input type is a union too wide to spread). */
interface InputProps {
  type?: "text" | "tel" | "email" | "password" | "url";
  value?: string;
  defaultValue?: string;
  onInput?: (event: InputEvent) => void;
  onChange?: (event: InputEvent) => void;
  inputMode?: "numeric" | "tel" | "email" | "text" | "url";
  autoComplete?: string;
  pattern?: string;
  placeholder?: string;
  maxLength?: number;
  minLength?: number;
  required?: boolean;
  autoFocus?: boolean;
}

/**
 * A labelled input with its hint and the server's words about it underneath (aria-describedby),
 * marked invalid for screen readers while the error stands.
 */
export function Field({
  id,
  label,
  hint,
  error,
  ...input
}: InputProps & { id: string; label: string; hint?: string; error?: string }) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described || undefined}
        // Preact types <input> as one union member per `type`; these props are valid for each type we allow.
        {...(input as Record<string, unknown>)}
      />
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The server's words for one field of a multi-field form: its `errors[]` entry for that path, or the
 * whole `detail` when the problem is about that field as a whole (e.g. 401 on a password).
 */
export function fieldError(problem: ApiProblem | null, path: string, codes: string[] = []): string | undefined {
  if (!problem) return undefined;
  return problem.fieldDetail(path) ?? (codes.includes(problem.code) ? problem.detail : undefined);
}

/** True when some field shows the problem, so the form need not repeat it above the button. */
export function shownAtField(problem: ApiProblem | null, paths: string[], codes: string[] = []): boolean {
  return !!problem && (paths.some((p) => problem.fieldDetail(p)) || codes.includes(problem.code));
}
