import { Button } from './Button';

/**
 * The submit and Cancel buttons at the foot of every form pane: one order, one look. `cancelLabel`
 * where "Cancel" would be ambiguous (the cancel-subscription pane's is "Keep subscription").
 */
export function FormActions({
  submitLabel,
  cancelLabel = 'Cancel',
  onCancel,
  busy,
}: {
  submitLabel: string;
  cancelLabel?: string;
  onCancel: () => void;
  busy?: boolean;
}) {
  return (
    <div class="dialog-actions">
      <Button type="submit" variant="primary" aria-disabled={busy ? 'true' : undefined}>
        {submitLabel}
      </Button>
      <Button onClick={onCancel}>{cancelLabel}</Button>
    </div>
  );
}
