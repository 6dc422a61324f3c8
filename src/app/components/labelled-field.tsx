import { useId, type ReactNode } from 'react';

/**
 * A form field whose accessible name is its visible label and nothing else: the <label> names the
 * control by `htmlFor` and does not wrap it (a control inside its own label can lend its options or
 * value to the name). `children` gets the control's id.
 */
export function LabelledField({ label, className = 'field', children }: { label: ReactNode; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
