import { useRef, useState } from 'preact/hooks';
import { setSelfServicePolicy, type PolicyChoice } from '../lib/admin/self-service-client';
import type { SelfServiceRow } from '../lib/admin/self-service-rows';
import type { LiveStatus } from './use-live-room';

interface Props {
  rows: readonly SelfServiceRow[];
  status: LiveStatus;
  accessToken: string;
  onTokenRefused(): void;
}

const yesNo = (allowed: boolean) => (allowed ? 'Allow' : 'Do not allow');
const domId = (productId: string) => `policy-${productId.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * Whether people may buy each catalog product themselves (Microsoft's AllowSelfServicePurchase).
 * A choice is saved as soon as it is made (`POST /api/admin/self-service`); the server writes it
 * into the organization room, which purchasers' extensions and this view read live. It applies to
 * future purchases: running subscriptions keep running and can still add or remove licenses.
 */
export function SelfServicePolicies({ rows, status, accessToken, onTokenRefused }: Props) {
  // A choice being saved shows until the server answers; the room then shows what is stored.
  const [saving, setSaving] = useState<Record<string, PolicyChoice>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  // One request per product at a time, in the order chosen, so the last choice is the one stored.
  const queues = useRef<Record<string, Promise<unknown>>>({});

  function choose(productId: string, policy: PolicyChoice) {
    setSaving((current) => ({ ...current, [productId]: policy }));
    setProblems(({ [productId]: _, ...others }) => others);
    const previous = queues.current[productId] ?? Promise.resolve();
    const sent = previous.then(async () => {
      const result = await setSelfServicePolicy((url, init) => fetch(url, init), location.origin, accessToken, productId, policy);
      if (queues.current[productId] !== sent) return;
      setSaving(({ [productId]: _, ...others }) => others);
      if (result.ok) return;
      if (result.kind === 'expired') onTokenRefused();
      setProblems((current) => ({ ...current, [productId]: result.message }));
    });
    queues.current[productId] = sent;
  }

  return (
    <>
      <h1>Self-service purchases</h1>
      <p class="muted">
        Choose which products people in your organization may buy themselves. Turning a product off stops new purchases only: subscriptions already running keep running, and their
        purchasers can still add or remove licenses.
      </p>
      {status === 'connecting' && rows.length === 0 ? (
        <p class="admin-count" role="status">
          Loading the catalog…
        </p>
      ) : (
        <table class="policy-table">
          <caption class="visually-hidden">Self-service policy per product</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Self-service purchases</th>
              <th scope="col">People may buy it</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const id = domId(row.productId);
              const pending = saving[row.productId];
              const problem = problems[row.productId];
              return (
                <tr key={row.productId} data-product={row.productId}>
                  <th scope="row" id={`${id}-name`}>
                    {row.name}
                  </th>
                  <td>
                    <label class="visually-hidden" for={id}>
                      Self-service purchases of {row.name}
                    </label>
                    <select
                      id={id}
                      value={pending ?? row.choice}
                      aria-invalid={problem ? 'true' : undefined}
                      aria-describedby={problem ? `${id}-error` : undefined}
                      onChange={(e) => choose(row.productId, e.currentTarget.value as PolicyChoice)}
                    >
                      <option value="default">Default ({yesNo(row.catalogAllows)})</option>
                      <option value="allow">Allow</option>
                      <option value="deny">Do not allow</option>
                    </select>
                    {pending ? <span class="muted"> Saving…</span> : null}
                    {problem ? (
                      <p id={`${id}-error`} class="field-error" role="alert">
                        {problem}
                      </p>
                    ) : null}
                  </td>
                  <td>{row.allowed ? 'Yes' : <strong>No</strong>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
