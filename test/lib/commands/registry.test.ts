import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../lib/commands/registry';
import { COMMAND_NAMES } from '../../../lib/messaging/requests';
import { context, seededState } from './fixture';

describe('COMMANDS', () => {
  it('has a command for every name in the message contract', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('answers every command with field errors when the input is not an object', () => {
    for (const name of COMMAND_NAMES) {
      const result = COMMANDS[name](seededState(), null, context());
      expect(result).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
    }
  });
});
