import { Button } from './Button';

/** The submit and Cancel buttons at the foot of every form pane: one order, one look. */
export function FormActions({ submitLabel, onCancel, busy }: { submitLabel: string; onCancel: () => void; busy?: boolean }) {
  return (
    <div class="dialog-actions">
      <Button type="submit" variant="primary" aria-disabled={busy ? 'true' : undefined}>
        {submitLabel}
      </Button>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
}
