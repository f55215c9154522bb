/** The statements of the support team's tables: managers, their tokens and saved replies. */
import type Database from 'better-sqlite3';

export function prepareTeamStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    listManagers: p('SELECT * FROM managers ORDER BY created_at, id'),
    getManager: p('SELECT * FROM managers WHERE id = ?'),
    managerByEmail: p('SELECT * FROM managers WHERE email = ?'),
    insertManager: p(`INSERT INTO managers (id, name, email, avatar_url, role, password_hash, created_at, updated_at)
      VALUES (@id, @name, @email, @avatar_url, @role, @password_hash, @created_at, @updated_at)`),
    updateManager: p(`UPDATE managers SET name = @name, email = @email, avatar_url = @avatar_url, role = @role,
      password_hash = @password_hash, updated_at = @updated_at WHERE id = @id`),
    deleteManager: p('DELETE FROM managers WHERE id = ?'),

    insertManagerToken: p(`INSERT INTO manager_tokens
      (id, manager_id, kind, name, token_hash, created_at, last_used_at, expires_at) VALUES
      (@id, @manager_id, @kind, @name, @token_hash, @created_at, @last_used_at, @expires_at)`),
    managerTokenByHash: p('SELECT * FROM manager_tokens WHERE token_hash = ?'),
    managerTokens: p('SELECT * FROM manager_tokens WHERE manager_id = ? AND kind = ? ORDER BY created_at, id'),
    deleteManagerToken: p('DELETE FROM manager_tokens WHERE id = ?'),
    touchManagerToken: p('UPDATE manager_tokens SET last_used_at = ? WHERE id = ?'),
    purgeManagerTokens: p('DELETE FROM manager_tokens WHERE expires_at IS NOT NULL AND expires_at < ?'),

    savedReplies: p('SELECT * FROM saved_replies WHERE channel_id = ? ORDER BY title COLLATE NOCASE, id'),
    getSavedReply: p('SELECT * FROM saved_replies WHERE id = ?'),
    insertSavedReply: p(`INSERT INTO saved_replies (id, channel_id, title, text, author_id, created_at, updated_at)
      VALUES (@id, @channel_id, @title, @text, @author_id, @created_at, @updated_at)`),
    updateSavedReply: p('UPDATE saved_replies SET title = @title, text = @text, updated_at = @updated_at WHERE id = @id'),
    deleteSavedReply: p('DELETE FROM saved_replies WHERE id = ?'),

    // A read marker only moves forward.
    markRead: p(`INSERT INTO manager_reads (manager_id, chat_id, seq) VALUES (?, ?, ?)
      ON CONFLICT (manager_id, chat_id) DO UPDATE SET seq = MAX(seq, excluded.seq)`),
    unreadOfManager: p(`SELECT COUNT(*) FROM messages m WHERE m.chat_id = @chatId AND m.author = 'customer'
      AND m.seq > COALESCE((SELECT seq FROM manager_reads WHERE manager_id = @managerId AND chat_id = @chatId), 0)`).pluck(),
  };
}
