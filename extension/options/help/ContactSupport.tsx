import { useState } from 'preact/hooks';
import { SupportRequestInput } from '../../../lib/commands/inputs';
import { inputErrors } from '../../../lib/commands/result';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Badge } from '../../../components/Badge';
import { supportStatusLine } from '../../../lib/support/status-text';
import { db } from '../../ui/db';
import { useMeta } from '../../ui/meta';
import { useLiveQuery } from '../../ui/use-live-query';
import { fieldError, useCommand } from '../../ui/use-command';
import { usePurchaser } from '../shared/data';

const FIELDS = ['subject', 'message', 'email'];
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function ContactSupport() {
  const purchaser = usePurchaser();
  const requests = useLiveQuery(() => db.supportRequests.orderBy('createdAt').reverse().toArray(), []).data;
  const sync = useMeta('sync');
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [email, setEmail] = useState<string | null>(null);
  const replyTo = email ?? purchaser?.email ?? '';
  const input: SupportRequestInput = { subject, message, email: replyTo.trim() };
  const { errors, run, validate, formRef } = useCommand({
    values: { subject, message, email: replyTo },
    problems: inputErrors(SupportRequestInput, input),
  });

  function submit(e: Event) {
    e.preventDefault();
    if (!validate()) return;
    void run('submitSupportRequest', input, () => {
      setSubject('');
      setMessage('');
    });
  }

  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">Contact support</h2>
      <p class="muted">
        Your request goes to your organization’s IT admins, who reply by email. Written offline, it waits on this device
        and is sent when you’re back online.
      </p>
      <form ref={formRef} onSubmit={submit} noValidate class="card-panel" aria-labelledby="contact-heading">
        <FormError errors={errors} fields={FIELDS} />
        <Field
          label="Subject"
          name="subject"
          value={subject}
          onInput={(e) => setSubject(e.currentTarget.value)}
          error={fieldError(errors, 'subject')}
        />
        <Field
          kind="textarea"
          label="Message"
          name="message"
          rows={6}
          value={message}
          onInput={(e) => setMessage(e.currentTarget.value)}
          error={fieldError(errors, 'message')}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={replyTo}
          onInput={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(errors, 'email')}
          hint="Where support should reply."
        />
        <Button type="submit" variant="primary">
          Submit
        </Button>
      </form>
      <h3>Your support requests</h3>
      {!requests || requests.length === 0 ? (
        <p class="muted">You haven’t contacted support yet.</p>
      ) : (
        <ul class="card-list" aria-label="Your support requests">
          {requests.map((r) => {
            const status = supportStatusLine(r, sync);
            return (
              <li key={r.id} class="card-item" style={{ cursor: 'default' }}>
                <span>
                  <strong>{r.subject}</strong>
                  <span class="detail">
                    {dateTime.format(new Date(r.createdAt))} · reply to {r.email}
                  </span>
                </span>
                <Badge tone={status.tone}>{status.text}</Badge>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
