import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useToast } from '../../../components/Toast';
import { DEFAULT_REMINDERS } from '../../../lib/insights/renewal-reminders';
import { sendSafely } from '../../ui/messaging';
import { useMeta } from '../../ui/meta';

/** "14, 3" → [14, 3]; an error for anything else, said next to the field. */
function parseDays(text: string): { ok: true; days: number[] } | { ok: false; error: string } {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const days = parts.map(Number);
  if (!parts.length || days.some((day) => !Number.isInteger(day) || day < 1 || day > 60)) return { ok: false, error: 'Enter whole days from 1 to 60, separated by commas' };
  if (days.length > 3) return { ok: false, error: 'Enter at most three reminders' };
  return { ok: true, days };
}

/**
 * Reminders before renewals and expiries: a browser notification (the extension's `notifications`
 * permission) from the background, with the popup closed, once per subscription and reminder.
 */
export function ReminderSettings() {
  const stored = useMeta('reminders');
  const settings = stored ?? DEFAULT_REMINDERS;
  const [enabled, setEnabled] = useState(settings.enabled);
  const [days, setDays] = useState(settings.daysBefore.join(', '));
  const [error, setError] = useState<string>();
  const toast = useToast();
  // Follows what is stored (another page saved it, or the first read arrived).
  useEffect(() => {
    setEnabled(settings.enabled);
    setDays(settings.daysBefore.join(', '));
  }, [settings.enabled, settings.daysBefore]);

  async function save(event: Event) {
    event.preventDefault();
    const parsed = parseDays(days);
    if (!parsed.ok) return setError(parsed.error);
    setError(undefined);
    const result = await sendSafely({ type: 'setReminders', enabled, daysBefore: parsed.days });
    toast.show(result.ok ? result.message : (Object.values(result.errors)[0] ?? 'Could not save the reminders'), result.ok ? {} : { tone: 'error' });
  }

  return (
    <section class="card-panel" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders</h2>
      <p>
        Seatkeeper can tell you, with a notification from your browser, before a subscription renews (and charges your card)
        and before a canceled one ends, even with the popup closed. The toolbar icon counts what needs attention.
      </p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <label class="check">
          <input type="checkbox" name="enabled" checked={enabled} onChange={(event) => setEnabled((event.target as HTMLInputElement).checked)} />
          Remind me before renewals and expiries
        </label>
        <Field
          label="Days ahead"
          name="daysBefore"
          value={days}
          disabled={!enabled}
          hint="For example 14, 3: one reminder two weeks ahead and one three days ahead"
          error={error}
          onInput={(event) => {
            const text = (event.target as HTMLInputElement).value;
            setDays(text);
            if (error && parseDays(text).ok) setError(undefined);
          }}
        />
        <Button type="submit">Save reminders</Button>
      </form>
    </section>
  );
}
