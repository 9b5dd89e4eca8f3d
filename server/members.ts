import type { Db } from './db';
import type { Role } from './claims';

/** Who may sign in to an organization, and as what. Looked up on every message, so a change applies at once. */
export class Members {
  private readonly upsert;
  private readonly remove;
  private readonly select;
  private readonly list;

  constructor(db: Db) {
    this.upsert = db.prepare<[string, string, Role]>(
      'INSERT INTO members (org_id, person_id, role) VALUES (?, ?, ?) ON CONFLICT (org_id, person_id) DO UPDATE SET role = excluded.role',
    );
    this.remove = db.prepare<[string, string]>('DELETE FROM members WHERE org_id = ? AND person_id = ?');
    this.select = db.prepare<[string, string], { role: Role }>('SELECT role FROM members WHERE org_id = ? AND person_id = ?');
    this.list = db.prepare<[string], { person_id: string; role: Role }>('SELECT person_id, role FROM members WHERE org_id = ? ORDER BY person_id');
  }

  /** Sets a person's role; null takes every right away. */
  setRole(orgId: string, personId: string, role: Role | null): void {
    if (role) this.upsert.run(orgId, personId, role);
    else this.remove.run(orgId, personId);
  }

  roleOf(orgId: string, personId: string): Role | undefined {
    return this.select.get(orgId, personId)?.role;
  }

  of(orgId: string): { personId: string; role: Role }[] {
    return this.list.all(orgId).map((row) => ({ personId: row.person_id, role: row.role }));
  }
}
