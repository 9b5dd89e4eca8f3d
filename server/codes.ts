import { createHash, randomInt } from 'node:crypto';
import type { Db } from './db';

/** Unambiguous when read aloud or typed: no 0/O, 1/I/L. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;
export const CODE_TTL_MS = 24 * 60 * 60 * 1000;

function hash(code: string): string {
  return createHash('sha256').update(normalize(code)).digest('hex');
}

/** Codes are shown as XXXX-XXXX-XXXX; people may type them in lower case or without dashes. */
function normalize(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * One-time sign-in codes. Only a hash is stored, so reading the database does not reveal a usable
 * code; a code works once, until it expires.
 */
export class SignInCodes {
  private readonly insert;
  private readonly use;
  private readonly find;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string, string, number]>('INSERT INTO sign_in_codes (hash, org_id, person_id, expires_at) VALUES (?, ?, ?, ?)');
    this.use = db.prepare<[number, string, number], { org_id: string; person_id: string }>(
      'UPDATE sign_in_codes SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ? RETURNING org_id, person_id',
    );
    this.find = db.prepare<[string, number], { org_id: string; person_id: string }>(
      'SELECT org_id, person_id FROM sign_in_codes WHERE hash = ? AND used_at IS NULL AND expires_at > ?',
    );
  }

  /** Who a code is for, without using it; undefined when unknown, used or expired. */
  peek(code: string, now: number): { orgId: string; personId: string } | undefined {
    const row = this.find.get(hash(code), now);
    return row && { orgId: row.org_id, personId: row.person_id };
  }

  create(orgId: string, personId: string, now: number, ttlMs = CODE_TTL_MS): string {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const code = chars.match(/.{4}/g)!.join('-');
    this.insert.run(hash(code), orgId, personId, now + ttlMs);
    return code;
  }

  /** Who the code was for, marking it used; undefined when unknown, used or expired. */
  redeem(code: string, now: number): { orgId: string; personId: string } | undefined {
    const row = this.use.get(now, hash(code), now);
    return row && { orgId: row.org_id, personId: row.person_id };
  }
}
