import { describe, expect, it } from 'vitest';
import { submitSupportRequest } from '../../../lib/commands/submit-support-request';
import { applyChanges, context, errorsOf, expectOk, NOW, seededState } from './fixture';

const input = { subject: ' Invoice question ', message: 'Why two charges in March?', email: 'maya.okafor@northwind.example' };

describe('submitSupportRequest', () => {
  it('queues the request', () => {
    const state = seededState();
    const result = expectOk(submitSupportRequest(state, input, context()));
    expect(applyChanges(state, result.changes).supportRequests['new-1']).toEqual({
      id: 'new-1',
      subject: 'Invoice question',
      message: 'Why two charges in March?',
      email: 'maya.okafor@northwind.example',
      createdAt: NOW,
      status: 'queued',
    });
    expect(result.message).toBe('Support request submitted. IT will reply to maya.okafor@northwind.example.');
  });

  it('refuses a missing subject, message or reply address', () => {
    expect(errorsOf(submitSupportRequest(seededState(), { ...input, subject: '  ' }, context()))).toEqual({ subject: 'Enter a subject' });
    expect(errorsOf(submitSupportRequest(seededState(), { ...input, message: '' }, context()))).toEqual({
      message: 'Describe what you need help with',
    });
    expect(errorsOf(submitSupportRequest(seededState(), { ...input, email: 'maya' }, context()))).toEqual({
      email: 'Enter an email address we can reply to',
    });
  });

  it('refuses a subject longer than 200 characters', () => {
    expect(errorsOf(submitSupportRequest(seededState(), { ...input, subject: 'x'.repeat(201) }, context()))).toEqual({
      subject: 'Keep the subject under 200 characters',
    });
  });
});
