import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, ErrorSummary, ProblemAlert, useSubmit, type Errors, type SubmitState } from './form.tsx';

/** A form's values as one object, with a setter per field (`set('name')`) for the controls' onChange. */
export function useFields<T extends object>(initial: T) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof T>(k: K) => (v: T[K]) => setValues((s) => ({ ...s, [k]: v }));
  return { values, set, setValues, reset: () => setValues(initial) };
}

/**
 * Editing a record read with its version: the form starts from the record, a save sends the version
 * and shows what the server kept, and after a 412 `reload` reads the newest version into the form
 * (the colleague's change is shown, never overwritten).
 */
export function useEdit<R extends { version: number }, F extends object>(initial: R, toFields: (r: R) => F, read: () => Promise<R>, fieldOf?: (path: string) => string) {
  const [base, setBase] = useState(initial);
  const fields = useFields(toFields(initial));
  const submit = useSubmit(fieldOf);
  const [done, setDone] = useState<string | null>(null);
  const show = (r: R) => { setBase(r); fields.setValues(toFields(r)); };
  const save = (ev: FormEvent, validate: () => Errors, write: (idempotencyKey: string, version: number) => Promise<R>, doneText: (saved: R) => string) =>
    submit.run(ev, validate, async (key) => {
      setDone(null);
      const saved = await write(key, base.version);
      show(saved);
      setDone(doneText(saved));
    });
  const reload = async () => { show(await read()); submit.markReloaded(); };
  return { base, f: fields.values, set: fields.set, submit, done, save, reload: () => void reload() };
}

export interface PlanningFormProps {
  submit: SubmitState;
  onSubmit(e: FormEvent): Promise<void>;
  submitLabel: ReactNode;
  primary?: boolean;
  /** Names the form for screen readers when it has no heading of its own. */
  label?: string;
  /** Loads the newest version after a 412; the conflict alert then offers it as a button. */
  onReload?: () => void;
  conflict?: { title: string; text: string };
  children: ReactNode;
}

/**
 * The DKFDS form pattern every planning form shares: the error summary (focused when shown), the
 * explanation of a conflict or server problem, the fields, and one submit button that is disabled
 * while the write runs. Field errors are shown next to the fields by the field components.
 */
export function PlanningForm({ submit, onSubmit, submitLabel, primary = false, label, onReload, conflict, children }: PlanningFormProps) {
  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} {...(onReload ? { onReload } : {})} {...(conflict ? { conflict } : {})} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={label}>
        {children}
        <button type="submit" className={`button ${primary ? 'button-primary' : 'button-secondary'}`} disabled={submit.busy}>{submitLabel}</button>
      </form>
    </>
  );
}

/** A section opened for one person or row (under a list); its heading takes focus when it opens, so keyboard and screen-reader users land in it. */
export function PanelSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return <section aria-labelledby={id} className="person-panel"><h2 id={id} tabIndex={-1} ref={ref}>{heading}</h2>{children}</section>;
}

/** A planning form as its own section: a heading (which names the section), a success note once saved, then the form. */
export function FormSection({ id, heading, done, ...form }: PlanningFormProps & { id: string; heading: string; done?: string | null | undefined }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {done && <Alert variant="success" focus>{done}</Alert>}
      <PlanningForm {...form} />
    </section>
  );
}

type Setter<F> = <K extends keyof F>(k: K) => (v: F[K]) => void;

/**
 * A page that edits one versioned record: its title, then the prefilled form in a section. `write`
 * sends the body with the version read; a 412 is explained with `conflict` and a button that loads
 * the newest version.
 */
export function EditForm<R extends { version: number }, F extends object>({ initial, toFields, read, fieldOf, validate, write, title, intro, id, heading, submitLabel, doneText, conflict, children }: {
  initial: R; toFields(r: R): F; read(): Promise<R>; fieldOf?: (path: string) => string; validate(f: F): Errors; write(f: F, version: number, idempotencyKey: string): Promise<R>;
  title(r: R): string; intro?: (r: R) => ReactNode; id: string; heading: string; submitLabel: string; doneText(saved: R): string; conflict: { title: string; text: string };
  children(f: F, set: Setter<F>, errors: Errors, base: R): ReactNode;
}) {
  const { base, f, set, submit, done, save, reload } = useEdit(initial, toFields, read, fieldOf);
  const onSubmit = (ev: FormEvent) => save(ev, () => validate(f), (key, version) => write(f, version, key), doneText);
  return (
    <>
      <h1 tabIndex={-1}>{title(base)}</h1>
      {intro?.(base)}
      <FormSection id={id} heading={heading} done={done} submit={submit} onSubmit={onSubmit} submitLabel={submitLabel} primary onReload={reload} conflict={conflict}>
        {children(f, set, submit.errors, base)}
      </FormSection>
    </>
  );
}
