import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the server's one SQLite file in the data directory. WAL lets the CLI write while the server
 * runs; synchronous=FULL makes every commit durable before it returns, which is what lets the server
 * acknowledge an update as stored.
 */
export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'seatkeeper.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      room TEXT NOT NULL,
      data BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, seq);
    CREATE TABLE IF NOT EXISTS members (
      org_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('purchaser', 'admin')),
      PRIMARY KEY (org_id, person_id)
    );
    CREATE TABLE IF NOT EXISTS members_version (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL
    );
    INSERT OR IGNORE INTO members_version (id, version) VALUES (1, 0);
    CREATE TRIGGER IF NOT EXISTS members_inserted AFTER INSERT ON members BEGIN UPDATE members_version SET version = version + 1; END;
    CREATE TRIGGER IF NOT EXISTS members_updated AFTER UPDATE ON members BEGIN UPDATE members_version SET version = version + 1; END;
    CREATE TRIGGER IF NOT EXISTS members_deleted AFTER DELETE ON members BEGIN UPDATE members_version SET version = version + 1; END;
    CREATE TABLE IF NOT EXISTS sign_in_codes (
      hash TEXT PRIMARY KEY,
      org_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER
    );
    CREATE TABLE IF NOT EXISTS outbox (
      queue TEXT NOT NULL,
      key TEXT NOT NULL,
      data TEXT NOT NULL,
      settled INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (queue, key)
    );
    CREATE TABLE IF NOT EXISTS invoice_sequences (
      org_id TEXT PRIMARY KEY,
      last INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS activity (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      org_id TEXT NOT NULL,
      at TEXT NOT NULL,
      purchaser_id TEXT NOT NULL,
      product_id TEXT NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS activity_by_org ON activity (org_id, at);
    CREATE TABLE IF NOT EXISTS refresh_tokens (
      jti TEXT PRIMARY KEY,
      expires_at INTEGER NOT NULL,
      used_at INTEGER
    );
  `);
  return db;
}
