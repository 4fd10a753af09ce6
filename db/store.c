/*
 * store.c — writing normalized events into the SQLite case file.
 *
 * Owns: creating a case file (mode 0600, schema, PRAGMA user_version),
 * refusing one made by a newer portsift, keeping the views current, and the
 * prepared statements of the load.  Every value is bound, never pasted into
 * SQL.  One transaction per input file, so a file is stored whole or not at
 * all and a failure never loses what was stored before.
 *
 * The hot path is store_socket(): one bound INSERT per socket, and a small
 * open-addressing table from pid to process row for the current snapshot, so
 * the process table is written once per process and not once per socket.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db/sql_embed.h"
#include "db/store.h"
#include "parsers/addr.h"
#include "parsers/sha256.h"

enum stmt {
	S_CAPTURE,
	S_SNAPSHOT,
	S_SNAP_RANGE,
	S_SNAP_TAKEN,
	S_PROCESS,
	S_PROC_IMAGE,
	S_PROC_SERVICE,
	S_PROC_DETAIL,
	S_SOCKET,
	S_ISSUE,
	S_CAPTURE_END,
	S_FIND_SHA,
	S_FLOW,
	S_FLOW_SOCKETS,
	S_CAPTURE_CLOCK,
	S__COUNT
};

static const char *const stmt_sql[S__COUNT] = {
	[S_CAPTURE] = "INSERT INTO capture (path, size, format, encoding, host,"
	    " ingested_at) VALUES (?1, 0, ?2, ?3, ?4,"
	    " strftime('%Y-%m-%d %H:%M:%S', 'now'))",
	[S_SNAPSHOT] = "INSERT INTO snapshot (capture_id, seq, label, os,"
	    " os_version, range_lo, range_hi, range_source, first_line, at)"
	    " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM snapshot),"
	    " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_SNAP_RANGE] = "UPDATE snapshot SET range_lo = ?2, range_hi = ?3,"
	    " range_source = ?4 WHERE id = ?1",
	[S_SNAP_TAKEN] = "UPDATE snapshot SET taken_at = ?2, taken_at_source = ?3"
	    " WHERE id = ?1",
	[S_PROCESS] = "INSERT INTO process (snapshot_id, pid, image) VALUES"
	    " (?1, ?2, ?3)",
	[S_PROC_IMAGE] = "UPDATE process SET image = ?2 WHERE id = ?1",
	[S_PROC_SERVICE] = "UPDATE process SET service = CASE"
	    " WHEN service IS NULL THEN ?2"
	    " WHEN instr(',' || service || ',', ',' || ?2 || ',') > 0 THEN service"
	    " ELSE service || ',' || ?2 END WHERE id = ?1",
	[S_PROC_DETAIL] = "UPDATE process SET image = coalesce(?2, image),"
	    " path = coalesce(?3, path), owner = coalesce(?4, owner) WHERE id = ?1",
	[S_SOCKET] = "INSERT INTO socket (snapshot_id, process_id, proto, family,"
	    " laddr, lzone, lport, lport_name, raddr, rzone, rport, rport_name,"
	    " resolved, state, state_raw, pid, service, owner, ownership, line,"
	    " owner_seq)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
	[S_ISSUE] = "INSERT INTO issue (capture_id, line, reason, excerpt)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[S_CAPTURE_END] = "UPDATE capture SET sha256 = ?2, size = ?3,"
	    " lines_read = ?4, lines_rejected = ?5, sockets_skipped = ?6"
	    " WHERE id = ?1",
	[S_FIND_SHA] = "SELECT id FROM capture WHERE sha256 = ?1",
	[S_FLOW] = "INSERT INTO flow (capture_id, proto, family, laddr, lport,"
	    " raddr, rport, local_opened, midstream, first_seen, last_seen,"
	    " syn_at, answered_at, local_fin_at, remote_fin_at, reset_at,"
	    " reset_by, refused, syns, packets, bytes, state, state_raw, line)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
	/* The view says which flows are open at the snapshot, in which state. */
	[S_FLOW_SOCKETS] = "INSERT INTO socket (snapshot_id, proto, family,"
	    " laddr, lport, raddr, rport, resolved, state, state_raw, line,"
	    " flow_id)"
	    " SELECT snapshot_id, proto, family, laddr, lport, raddr, rport, 1,"
	    " state, state_raw, line, flow_id FROM flow_socket"
	    " WHERE snapshot_id = ?1 ORDER BY line, flow_id",
	[S_CAPTURE_CLOCK] = "UPDATE capture SET clock = ?2 WHERE id = ?1",
};

/* pid -> process row, for the current snapshot only. */
struct proc_slot {
	long		 pid;		/* -1: empty */
	long long	 id;
	int		 has_image;
};

struct store {
	sqlite3			*db;
	sqlite3_stmt		*st[S__COUNT];
	long long		 capture;	/* current capture, 0 if none */
	long long		 snapshot;	/* current snapshot, 0 if none */
	struct proc_slot	*procs;
	size_t			 nprocs, capprocs;	/* used, size (power of 2) */
	char			 err[512];
};

static int
fail(struct store *s, const char *what)
{
	snprintf(s->err, sizeof s->err, "%s: %s", what, sqlite3_errmsg(s->db));
	return -1;
}

static int
exec(struct store *s, const char *sql)
{
	char	*msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(s->err, sizeof s->err, "%s", msg ? msg : "SQL error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static const char *
embedded(const char *name)
{
	const struct sql_file	*f;

	for (f = sql_files; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f->text;
	assert(!"embedded SQL file missing");
	return NULL;
}

static int
user_version(struct store *s, int *v)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK)
		return fail(s, "reading the schema version");
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return fail(s, "reading the schema version");
	}
	*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int
count_tables(struct store *s, int *n)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master",
	    -1, &st, NULL) != SQLITE_OK)
		return fail(s, "reading the case file");
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return fail(s, "reading the case file");
	}
	*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Make the views again when views.sql differs from what made them. */
static int
refresh_views(struct store *s)
{
	const char	*views = embedded("views.sql");
	struct sha256	 h;
	char		 hex[65];
	sqlite3_stmt	*st;
	int		 same = 0;

	sha256_init(&h);
	sha256_update(&h, views, strlen(views));
	sha256_hex(&h, hex);
	if (sqlite3_prepare_v2(s->db, "SELECT value = ?1 FROM meta"
	    " WHERE key = 'views'", -1, &st, NULL) != SQLITE_OK)
		return fail(s, "reading meta");
	sqlite3_bind_text(st, 1, hex, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (same)
		return 0;
	if (exec(s, "SAVEPOINT views") == -1 || exec(s, views) == -1)
		return -1;
	if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta (key, value)"
	    " VALUES ('views', ?1)", -1, &st, NULL) != SQLITE_OK)
		return fail(s, "writing meta");
	sqlite3_bind_text(st, 1, hex, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return fail(s, "writing meta");
	}
	sqlite3_finalize(st);
	/* New definitions: the analysis tables must be computed again. */
	if (exec(s, "INSERT OR REPLACE INTO meta (key, value)"
	    " VALUES ('analyses', 'stale')") == -1)
		return -1;
	return exec(s, "RELEASE views");
}

/* Bring the schema to STORE_SCHEMA_VERSION, or refuse. */
static int
migrate(struct store *s)
{
	int	v, ntables;

	if (user_version(s, &v) == -1)
		return -1;
	if (v > STORE_SCHEMA_VERSION) {
		snprintf(s->err, sizeof s->err, "this case file has schema "
		    "version %d, made by a newer portsift; this one knows "
		    "version %d: use the newer portsift", v,
		    STORE_SCHEMA_VERSION);
		return -1;
	}
	if (v == 0) {
		if (count_tables(s, &ntables) == -1)
			return -1;
		if (ntables != 0) {
			snprintf(s->err, sizeof s->err, "not a portsift case "
			    "file (an SQLite database with other tables)");
			return -1;
		}
		/* schema.sql is version 1; the migrations bring it up. */
		if (exec(s, "BEGIN") == -1 ||
		    exec(s, embedded("schema.sql")) == -1 ||
		    exec(s, "PRAGMA user_version = 1") == -1 ||
		    exec(s, "COMMIT") == -1)
			return -1;
		v = 1;
	}
	/* Each step from v to v + 1 is db/migrate-N.sql, in one transaction. */
	while (v < STORE_SCHEMA_VERSION) {
		char	name[32], pragma[64];

		v++;
		snprintf(name, sizeof name, "migrate-%d.sql", v);
		assert(embedded(name) != NULL);
		/* PRAGMA cannot bind; the value is our own constant. */
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
		if (exec(s, "BEGIN") == -1)
			return -1;
		if (exec(s, embedded(name)) == -1 || exec(s, pragma) == -1) {
			exec(s, "ROLLBACK");
			return -1;
		}
		if (exec(s, "COMMIT") == -1)
			return -1;
	}
	return refresh_views(s);
}

static int
prepare_all(struct store *s)
{
	int	i;

	for (i = 0; i < S__COUNT; i++) {
		if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK)
			return fail(s, "preparing statements");
	}
	return 0;
}

/* PORTSIFT_TRACE=1: each statement and its time on stderr, for tuning. */
static int
trace(unsigned type, void *ctx, void *stmt, void *ns)
{
	char	*sql;

	(void)ctx;
	if (type != SQLITE_TRACE_PROFILE)
		return 0;
	sql = sqlite3_expanded_sql(stmt);
	fprintf(stderr, "portsift: trace: %8.1f ms  %.200s\n",
	    (double)*(sqlite3_int64 *)ns / 1e6, sql ? sql : "?");
	sqlite3_free(sql);
	return 0;
}

struct store *
store_open(const char *path, enum store_mode mode, char *err, size_t errlen)
{
	struct store	*s;
	struct stat	 sb;
	int		 fd, flags;

	if (stat(path, &sb) == -1) {
		if (errno != ENOENT || mode != STORE_CREATE) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return NULL;
		}
		/* Customer data: the file is ours alone from the start. */
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd == -1) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return NULL;
		}
		close(fd);
	} else if (!S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		return NULL;
	}

	if ((s = calloc(1, sizeof *s)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	/* One thread uses a connection: no mutexes on the hot path. */
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, s->db ?
		    sqlite3_errmsg(s->db) : "cannot open");
		store_close(s);
		return NULL;
	}
	sqlite3_busy_timeout(s->db, 5000);
	if (getenv("PORTSIFT_TRACE") != NULL)
		sqlite3_trace_v2(s->db, SQLITE_TRACE_PROFILE, trace, NULL);
	sqlite3_extended_result_codes(s->db, 1);
	if (exec(s, "PRAGMA foreign_keys = ON") == -1 ||
	    exec(s, "PRAGMA cache_size = -65536") == -1 ||
	    exec(s, "PRAGMA synchronous = NORMAL") == -1 ||
	    migrate(s) == -1 || prepare_all(s) == -1) {
		if (strstr(s->err, "file is not a database") != NULL)
			snprintf(err, errlen, "%s: not a portsift case file "
			    "(not an SQLite database)", path);
		else
			snprintf(err, errlen, "%s: %s", path, s->err);
		store_close(s);
		return NULL;
	}
	return s;
}

void
store_close(struct store *s)
{
	int	i;

	if (s == NULL)
		return;
	for (i = 0; i < S__COUNT; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	free(s->procs);
	free(s);
}

const char *
store_error(const struct store *s)
{
	return s->err;
}

struct sqlite3 *
store_sqlite(struct store *s)
{
	return s->db;
}

/* Run a prepared statement that returns no rows, then reset it. */
static int
run(struct store *s, enum stmt i, const char *what)
{
	int	rc;

	rc = sqlite3_step(s->st[i]);
	sqlite3_reset(s->st[i]);
	if (rc != SQLITE_DONE)
		return fail(s, what);
	return 0;
}

static void
bind_text(sqlite3_stmt *st, int col, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_text(st, col, v, -1, SQLITE_STATIC);
}

static void
bind_int_or_null(sqlite3_stmt *st, int col, long long v, int isnull)
{
	if (isnull)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int64(st, col, v);
}

int
store_capture_begin(struct store *s, const struct capture_row *c)
{
	sqlite3_stmt	*st = s->st[S_CAPTURE];

	assert(s->capture == 0);
	if (exec(s, "BEGIN IMMEDIATE") == -1)
		return -1;
	bind_text(st, 1, c->path);
	bind_text(st, 2, c->format);
	bind_text(st, 3, c->encoding);
	bind_text(st, 4, c->host);
	if (run(s, S_CAPTURE, "recording the capture") == -1) {
		exec(s, "ROLLBACK");
		return -1;
	}
	s->capture = sqlite3_last_insert_rowid(s->db);
	s->snapshot = 0;
	return 0;
}

static void
procs_clear(struct store *s)
{
	size_t	i;

	for (i = 0; i < s->capprocs; i++)
		s->procs[i].pid = -1;
	s->nprocs = 0;
}

long long
store_snapshot(struct store *s, const struct snapshot_row *r)
{
	sqlite3_stmt	*st = s->st[S_SNAPSHOT];

	assert(s->capture != 0);
	assert(r->range_lo >= 1 && r->range_lo <= r->range_hi &&
	    r->range_hi <= 65535);
	sqlite3_bind_int64(st, 1, s->capture);
	bind_text(st, 2, r->label);
	bind_text(st, 3, r->os);
	bind_text(st, 4, r->os_version);
	sqlite3_bind_int(st, 5, r->range_lo);
	sqlite3_bind_int(st, 6, r->range_hi);
	bind_text(st, 7, r->range_source);
	sqlite3_bind_int64(st, 8, (long long)r->first_line);
	if (r->has_at)
		sqlite3_bind_double(st, 9, r->at);
	else
		sqlite3_bind_null(st, 9);
	if (run(s, S_SNAPSHOT, "recording a snapshot") == -1)
		return -1;
	s->snapshot = sqlite3_last_insert_rowid(s->db);
	procs_clear(s);
	return s->snapshot;
}

int
store_snapshot_range(struct store *s, long long id, int lo, int hi,
    const char *source)
{
	sqlite3_stmt	*st = s->st[S_SNAP_RANGE];

	assert(lo >= 1 && lo <= hi && hi <= 65535);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, lo);
	sqlite3_bind_int(st, 3, hi);
	bind_text(st, 4, source);
	return run(s, S_SNAP_RANGE, "recording a port range");
}

int
store_snapshot_taken_at(struct store *s, long long id, const char *taken_at,
    const char *source)
{
	sqlite3_stmt	*st = s->st[S_SNAP_TAKEN];

	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, taken_at);
	bind_text(st, 3, source);
	return run(s, S_SNAP_TAKEN, "recording a snapshot time");
}

static size_t
proc_hash(long pid, size_t cap)
{
	return ((unsigned long)pid * 2654435761UL) & (cap - 1);
}

static struct proc_slot *
proc_find(struct store *s, long pid)
{
	size_t	i;

	if (s->capprocs == 0)
		return NULL;
	for (i = proc_hash(pid, s->capprocs); s->procs[i].pid != -1;
	    i = (i + 1) & (s->capprocs - 1))
		if (s->procs[i].pid == pid)
			return &s->procs[i];
	return NULL;
}

static struct proc_slot *
proc_add(struct store *s, long pid)
{
	struct proc_slot	*old = s->procs, *slot;
	size_t			 oldcap = s->capprocs, i;

	if ((s->nprocs + 1) * 2 > s->capprocs) {
		size_t cap = oldcap ? oldcap * 2 : 256;

		if ((s->procs = calloc(cap, sizeof *s->procs)) == NULL) {
			s->procs = old;
			return NULL;
		}
		s->capprocs = cap;
		for (i = 0; i < cap; i++)
			s->procs[i].pid = -1;
		for (i = 0; i < oldcap; i++) {
			if (old[i].pid == -1)
				continue;
			slot = &s->procs[proc_hash(old[i].pid, cap)];
			while (slot->pid != -1)
				slot = s->procs + ((size_t)(slot - s->procs) + 1) %
				    cap;
			*slot = old[i];
		}
		free(old);
	}
	i = proc_hash(pid, s->capprocs);
	while (s->procs[i].pid != -1)
		i = (i + 1) & (s->capprocs - 1);
	s->procs[i].pid = pid;
	s->procs[i].id = 0;
	s->procs[i].has_image = 0;
	s->nprocs++;
	return &s->procs[i];
}

/* The process row for pid in the current snapshot, made when missing. */
static struct proc_slot *
process_row(struct store *s, long pid, const char *image)
{
	struct proc_slot	*p;
	sqlite3_stmt		*st;

	assert(pid >= 0);
	if ((p = proc_find(s, pid)) == NULL) {
		if ((p = proc_add(s, pid)) == NULL) {
			snprintf(s->err, sizeof s->err, "out of memory");
			return NULL;
		}
		st = s->st[S_PROCESS];
		sqlite3_bind_int64(st, 1, s->snapshot);
		sqlite3_bind_int64(st, 2, pid);
		bind_text(st, 3, image);
		if (run(s, S_PROCESS, "recording a process") == -1)
			return NULL;
		p->id = sqlite3_last_insert_rowid(s->db);
		p->has_image = image != NULL && *image != '\0';
		return p;
	}
	if (!p->has_image && image != NULL && *image != '\0') {
		st = s->st[S_PROC_IMAGE];
		sqlite3_bind_int64(st, 1, p->id);
		bind_text(st, 2, image);
		if (run(s, S_PROC_IMAGE, "recording a process image") == -1)
			return NULL;
		p->has_image = 1;
	}
	return p;
}

static void
bind_endpoint(sqlite3_stmt *st, int col, const struct endpoint *ep,
    int is_remote)
{
	if (is_remote && addr_is_none(ep)) {
		sqlite3_bind_null(st, col);
		sqlite3_bind_null(st, col + 1);
		sqlite3_bind_null(st, col + 2);
		sqlite3_bind_null(st, col + 3);
		return;
	}
	bind_text(st, col, ep->addr);
	bind_text(st, col + 1, ep->zone);
	bind_int_or_null(st, col + 2, ep->port, ep->port < 0);
	bind_text(st, col + 3, ep->port_name);
}

/* One row of a socket, for one of its owners (seq 1 is the first). */
static int
socket_row(struct store *s, const struct ps_socket *k, long pid,
    const char *process, const char *service, int seq)
{
	sqlite3_stmt		*st = s->st[S_SOCKET];
	struct proc_slot	*p = NULL;

	if (pid >= 0) {
		if ((p = process_row(s, pid, process)) == NULL)
			return -1;
		if (service != NULL && *service != '\0') {
			sqlite3_stmt *sv = s->st[S_PROC_SERVICE];

			sqlite3_bind_int64(sv, 1, p->id);
			bind_text(sv, 2, service);
			if (run(s, S_PROC_SERVICE, "recording a service") == -1)
				return -1;
		}
	}
	sqlite3_bind_int64(st, 1, s->snapshot);
	bind_int_or_null(st, 2, p ? p->id : 0, p == NULL);
	sqlite3_bind_text(st, 3, k->proto == PROTO_TCP ? "tcp" : "udp", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(st, 4, k->family);
	bind_endpoint(st, 5, &k->local, 0);
	bind_endpoint(st, 9, &k->remote, 1);
	sqlite3_bind_int(st, 13, k->local.numeric && k->remote.numeric);
	sqlite3_bind_text(st, 14, state_name(k->state), -1, SQLITE_STATIC);
	bind_text(st, 15, k->state_raw);
	bind_int_or_null(st, 16, pid, pid < 0);
	bind_text(st, 17, service);
	bind_text(st, 18, k->owner);
	bind_text(st, 19, k->ownership_unavailable ? "unavailable" : NULL);
	sqlite3_bind_int64(st, 20, (long long)k->line);
	sqlite3_bind_int(st, 21, seq);
	return run(s, S_SOCKET, "recording a socket");
}

int
store_socket(struct store *s, const struct ps_socket *k)
{
	size_t	i;

	assert(s->snapshot != 0);
	assert(k->family == 4 || k->family == 6);
	assert(k->nmore == 0 || k->more != NULL);
	if (socket_row(s, k, k->pid, k->process, k->service, 1) == -1)
		return -1;
	for (i = 0; i < k->nmore; i++)
		if (socket_row(s, k, k->more[i].pid, k->more[i].process, NULL,
		    (int)i + 2) == -1)
			return -1;
	return 0;
}

int
store_process(struct store *s, const struct ps_process *pr)
{
	struct proc_slot	*p;
	sqlite3_stmt		*st = s->st[S_PROC_DETAIL];

	assert(s->snapshot != 0);
	if (pr->pid < 0)
		return 0;
	if ((p = process_row(s, pr->pid, pr->image)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	bind_text(st, 2, pr->image);
	bind_text(st, 3, pr->path);
	bind_text(st, 4, pr->owner);
	if (run(s, S_PROC_DETAIL, "recording a process") == -1)
		return -1;
	if (pr->service != NULL && *pr->service != '\0') {
		st = s->st[S_PROC_SERVICE];
		sqlite3_bind_int64(st, 1, p->id);
		bind_text(st, 2, pr->service);
		return run(s, S_PROC_SERVICE, "recording a service");
	}
	return 0;
}

static void
bind_time(sqlite3_stmt *st, int col, double t)
{
	if (t < 0)	/* FLOW_NEVER */
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_double(st, col, t);
}

int
store_flow(struct store *s, const struct ps_flow *f)
{
	sqlite3_stmt	*st = s->st[S_FLOW];

	assert(s->capture != 0);
	assert(f->family == 4 || f->family == 6);
	sqlite3_bind_int64(st, 1, s->capture);
	sqlite3_bind_text(st, 2, f->proto == PROTO_TCP ? "tcp" : "udp", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(st, 3, f->family);
	bind_text(st, 4, f->local.addr);
	bind_int_or_null(st, 5, f->local.port, f->local.port < 0);
	bind_text(st, 6, f->remote.addr);
	bind_int_or_null(st, 7, f->remote.port, f->remote.port < 0);
	bind_int_or_null(st, 8, f->local_opened, f->local_opened < 0);
	sqlite3_bind_int(st, 9, f->midstream != 0);
	bind_time(st, 10, f->first_seen);
	bind_time(st, 11, f->last_seen);
	bind_time(st, 12, f->syn_at);
	bind_time(st, 13, f->answered_at);
	bind_time(st, 14, f->local_fin_at);
	bind_time(st, 15, f->remote_fin_at);
	bind_time(st, 16, f->reset_at);
	if (f->reset_by == FLOW_SIDE_LOCAL)
		sqlite3_bind_text(st, 17, "local", -1, SQLITE_STATIC);
	else if (f->reset_by == FLOW_SIDE_REMOTE)
		sqlite3_bind_text(st, 17, "remote", -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 17);
	sqlite3_bind_int(st, 18, f->refused != 0);
	sqlite3_bind_int64(st, 19, (long long)f->syns);
	sqlite3_bind_int64(st, 20, (long long)f->packets);
	sqlite3_bind_int64(st, 21, (long long)f->bytes);
	sqlite3_bind_text(st, 22, state_name(f->state), -1, SQLITE_STATIC);
	bind_text(st, 23, f->state_raw);
	sqlite3_bind_int64(st, 24, (long long)f->line);
	return run(s, S_FLOW, "recording a connection");
}

long long
store_flow_sockets(struct store *s, long long snapshot)
{
	sqlite3_stmt	*st = s->st[S_FLOW_SOCKETS];

	assert(s->capture != 0);
	sqlite3_bind_int64(st, 1, snapshot);
	if (run(s, S_FLOW_SOCKETS, "making a snapshot from connections") == -1)
		return -1;
	return sqlite3_changes64(s->db);
}

int
store_capture_clock(struct store *s, const char *clock)
{
	sqlite3_stmt	*st = s->st[S_CAPTURE_CLOCK];

	assert(s->capture != 0);
	sqlite3_bind_int64(st, 1, s->capture);
	bind_text(st, 2, clock);
	return run(s, S_CAPTURE_CLOCK, "recording the capture's clock");
}

int
store_issue(struct store *s, unsigned long line, const char *reason,
    const char *excerpt)
{
	sqlite3_stmt	*st = s->st[S_ISSUE];

	assert(s->capture != 0);
	sqlite3_bind_int64(st, 1, s->capture);
	bind_int_or_null(st, 2, (long long)line, line == 0);
	bind_text(st, 3, reason);
	bind_text(st, 4, excerpt);
	return run(s, S_ISSUE, "recording an issue");
}

int
store_capture_end(struct store *s, enum store_end how, const char *sha256,
    long long size, unsigned long lines_read, unsigned long lines_rejected,
    unsigned long sockets_skipped, long long *duplicate_of)
{
	sqlite3_stmt	*st;
	int		 rc, failed = 0;

	assert(s->capture != 0);
	*duplicate_of = 0;
	if (how == STORE_ROLLBACK)
		goto rollback;

	st = s->st[S_FIND_SHA];
	sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*duplicate_of = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		failed = fail(s, "looking for the capture's digest");
		goto rollback;
	}
	if (*duplicate_of != 0)
		goto rollback;

	st = s->st[S_CAPTURE_END];
	sqlite3_bind_int64(st, 1, s->capture);
	sqlite3_bind_text(st, 2, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, size);
	sqlite3_bind_int64(st, 4, (long long)lines_read);
	sqlite3_bind_int64(st, 5, (long long)lines_rejected);
	sqlite3_bind_int64(st, 6, (long long)sockets_skipped);
	if ((failed = run(s, S_CAPTURE_END, "recording the capture")) == -1)
		goto rollback;
	/* The analysis tables no longer describe the case. */
	if ((failed = store_index(s)) == -1 ||
	    (failed = exec(s, "INSERT OR REPLACE INTO meta (key, value)"
	    " VALUES ('analyses', 'stale')")) == -1 ||
	    (failed = exec(s, "COMMIT")) == -1)
		goto rollback;
	s->capture = s->snapshot = 0;
	return 1;

rollback:
	exec(s, "ROLLBACK");
	s->capture = s->snapshot = 0;
	return failed;
}

int
store_index(struct store *s)
{
	return exec(s, embedded("indexes.sql"));
}
