import type { Db } from './db';
import type { Role } from '../lib/org/role';

/**
 * Who may sign in to an organization, and as what. Roles are checked on every message, so they are
 * kept in memory: a query per message was a tenth of the server's CPU per edit under load. Any
 * change to the table, from this process or the CLI, bumps `members_version` (triggers in db.ts);
 * `refresh` notices it, forgets every cached role and tells the listeners, which re-check the
 * connections that are open.
 */
export class Members {
  private readonly upsert;
  private readonly remove;
  private readonly select;
  private readonly list;
  private readonly readVersion;
  private version: number;
  private readonly roles = new Map<string, Role | undefined>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: Db) {
    this.upsert = db.prepare<[string, string, Role]>(
      'INSERT INTO members (org_id, person_id, role) VALUES (?, ?, ?) ON CONFLICT (org_id, person_id) DO UPDATE SET role = excluded.role',
    );
    this.remove = db.prepare<[string, string]>('DELETE FROM members WHERE org_id = ? AND person_id = ?');
    this.select = db.prepare<[string, string], { role: Role }>('SELECT role FROM members WHERE org_id = ? AND person_id = ?');
    this.list = db.prepare<[string], { person_id: string; role: Role }>('SELECT person_id, role FROM members WHERE org_id = ? ORDER BY person_id');
    this.readVersion = db.prepare<[], { version: number }>('SELECT version FROM members_version');
    this.version = this.currentVersion();
  }

  /** Sets a person's role; null takes every right away. */
  setRole(orgId: string, personId: string, role: Role | null): void {
    if (role) this.upsert.run(orgId, personId, role);
    else this.remove.run(orgId, personId);
    this.refresh();
  }

  /** Sets many roles in one transaction, telling the listeners once. */
  setRoles(orgId: string, roles: readonly { personId: string; role: Role | null }[]): void {
    this.db.transaction(() => {
      for (const { personId, role } of roles) {
        if (role) this.upsert.run(orgId, personId, role);
        else this.remove.run(orgId, personId);
      }
    })();
    this.refresh();
  }

  roleOf(orgId: string, personId: string): Role | undefined {
    const key = `${orgId}\u0000${personId}`;
    if (this.roles.has(key)) return this.roles.get(key);
    const role = this.select.get(orgId, personId)?.role;
    this.roles.set(key, role);
    return role;
  }

  /** Forgets the cached roles and tells the listeners if the table changed since the last look. */
  refresh(): void {
    const version = this.currentVersion();
    if (version === this.version) return;
    this.version = version;
    this.roles.clear();
    for (const listener of this.listeners) listener();
  }

  /** Called after a change to anyone's role; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private currentVersion(): number {
    return this.readVersion.get()?.version ?? 0;
  }

  of(orgId: string): { personId: string; role: Role }[] {
    return this.list.all(orgId).map((row) => ({ personId: row.person_id, role: row.role }));
  }
}
