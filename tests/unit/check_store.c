/*
 * check_store.c — tests for db/store.c: creating and refusing case files,
 * the schema version, one transaction per capture (commit, rollback,
 * duplicate bytes), process rows, and what the `sockets` view shows.
 *
 * Each test works in its own directory made by mkdtemp() and removed in the
 * teardown; results are read back with sqlite3 through store_sqlite(), or
 * with a connection of the test's own when the store is closed.
 */
#include <sys/stat.h>

#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db/store.h"
#include "parsers/addr.h"

Suite	*suite(void);

#define SHA_A	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B	"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define SHA_C	"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"

static char	dir[64];
static char	casepath[PATH_MAX];
static char	err[512];

static void
setup(void)
{
	strcpy(dir, "/tmp/portsift-check-store-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(casepath, sizeof casepath, "%s/case.db", dir);
	err[0] = '\0';
}

static void
teardown(void)
{
	DIR		*d;
	struct dirent	*e;
	char		 p[PATH_MAX + 512];

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

static struct store *
open_case(void)
{
	struct store	*s;

	s = store_open(casepath, STORE_CREATE, err, sizeof err);
	ck_assert_msg(s != NULL, "store_open: %s", err);
	return s;
}

static void
begin(struct store *s, const char *path)
{
	struct capture_row	c = { path, "windows-netstat", "utf-8", NULL };

	ck_assert_msg(store_capture_begin(s, &c) == 0, "begin: %s",
	    store_error(s));
}

static long long
snap(struct store *s, const char *label)
{
	struct snapshot_row	r;
	long long		id;

	memset(&r, 0, sizeof r);
	r.label = label;
	r.os = "windows";
	r.range_lo = 49152;
	r.range_hi = 65535;
	r.range_source = "Windows default";
	r.first_line = 1;
	id = store_snapshot(s, &r);
	ck_assert_msg(id > 0, "snapshot: %s", store_error(s));
	return id;
}

static int
end(struct store *s, enum store_end how, const char *sha, long long *dup)
{
	return store_capture_end(s, how, sha, 1234, 10, 1, 0, dup);
}

/* A TCP socket from endpoint texts, as a parser would give it. */
static struct ps_socket
mksock(const char *local, const char *remote, enum state st, long pid,
    const char *process, const char *service, unsigned long line)
{
	struct ps_socket	k;
	int			lf, rf;

	memset(&k, 0, sizeof k);
	k.proto = PROTO_TCP;
	lf = addr_parse(local, strlen(local), &k.local);
	rf = addr_parse(remote, strlen(remote), &k.remote);
	ck_assert(lf >= 0 && rf >= 0);
	k.family = lf == 6 || rf == 6 ? 6 : 4;
	k.state = st;
	k.state_raw = state_name(st);
	k.pid = pid;
	k.process = process;
	k.service = service;
	k.line = line;
	return k;
}

static void
put(struct store *s, const struct ps_socket *k)
{
	ck_assert_msg(store_socket(s, k) == 0, "socket: %s", store_error(s));
}

static long long
q_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	long long	 v;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db));
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "%s: no row", sql);
	ck_assert_msg(sqlite3_column_type(st, 0) != SQLITE_NULL, "%s: NULL",
	    sql);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* 1 when the first column of the first row is NULL. */
static int
q_null(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	int		 isnull;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db));
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "%s: no row", sql);
	isnull = sqlite3_column_type(st, 0) == SQLITE_NULL;
	sqlite3_finalize(st);
	return isnull;
}

/* The first column of the first row as text (NULL as "(null)"). */
static char *
q_text(sqlite3 *db, const char *sql)
{
	static char	 buf[512];
	sqlite3_stmt	*st;
	const char	*t;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db));
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "%s: no row", sql);
	t = (const char *)sqlite3_column_text(st, 0);
	snprintf(buf, sizeof buf, "%s", t != NULL ? t : "(null)");
	sqlite3_finalize(st);
	return buf;
}

static void
raw_exec(const char *path, const char *sql)
{
	sqlite3	*db;
	char	*msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK,
	    "%s: %s", sql, msg ? msg : "?");
	sqlite3_close(db);
}

/* --------------------------------------------------------- the file */

START_TEST(test_new_case_file_is_created_mode_0600)
{
	struct store	*s;
	struct stat	 sb;
	mode_t		 old;

	old = umask(0);		/* the mode must not depend on the umask */
	s = open_case();
	umask(old);
	ck_assert_int_eq(stat(casepath, &sb), 0);
	ck_assert(S_ISREG(sb.st_mode));
	ck_assert_msg((sb.st_mode & 07777) == 0600, "mode %o",
	    (unsigned)(sb.st_mode & 07777));
	store_close(s);
	ck_assert_int_eq(stat(casepath, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 07777, 0600);
}
END_TEST

START_TEST(test_new_case_file_has_current_user_version)
{
	struct store	*s = open_case();

	ck_assert_int_eq(q_int(store_sqlite(s), "PRAGMA user_version"),
	    STORE_SCHEMA_VERSION);
	/* The five tables of DESIGN.md are there. */
	ck_assert_int_eq(q_int(store_sqlite(s), "SELECT count(*) FROM "
	    "sqlite_master WHERE type = 'table' AND name IN ('capture',"
	    " 'snapshot', 'process', 'socket', 'issue')"), 5);
	store_close(s);
}
END_TEST

START_TEST(test_existing_case_file_opens_read_and_keeps_its_data)
{
	struct store	*s = open_case();
	struct ps_socket k = mksock("10.1.1.5:50001", "10.0.0.7:1433",
	    ST_TIME_WAIT, 0, NULL, NULL, 7);
	long long	 dup;

	begin(s, "a.txt");
	snap(s, "before");
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	store_close(s);

	s = store_open(casepath, STORE_READ, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_int_eq(q_int(store_sqlite(s), "SELECT count(*) FROM socket"),
	    1);
	ck_assert_str_eq(q_text(store_sqlite(s), "SELECT label FROM snapshot"),
	    "before");
	ck_assert_int_eq(q_int(store_sqlite(s), "PRAGMA user_version"),
	    STORE_SCHEMA_VERSION);
	store_close(s);
}
END_TEST

START_TEST(test_missing_file_in_read_mode_is_refused_and_not_created)
{
	struct store	*s;
	struct stat	 sb;

	s = store_open(casepath, STORE_READ, err, sizeof err);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(err, casepath));
	ck_assert_int_eq(stat(casepath, &sb), -1);
}
END_TEST

START_TEST(test_newer_schema_version_is_refused_naming_both_versions)
{
	struct store	*s = open_case();
	char		 sql[64], theirs[32], ours[32];

	store_close(s);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    STORE_SCHEMA_VERSION + 1);
	raw_exec(casepath, sql);

	s = store_open(casepath, STORE_CREATE, err, sizeof err);
	ck_assert_ptr_null(s);
	snprintf(theirs, sizeof theirs, "version %d", STORE_SCHEMA_VERSION + 1);
	snprintf(ours, sizeof ours, "version %d", STORE_SCHEMA_VERSION);
	ck_assert_msg(strstr(err, theirs) != NULL, "\"%s\" lacks \"%s\"", err,
	    theirs);
	ck_assert_msg(strstr(err, ours) != NULL, "\"%s\" lacks \"%s\"", err,
	    ours);
	ck_assert_ptr_nonnull(strstr(err, "newer"));
	ck_assert_ptr_nonnull(strstr(err, casepath));

	/* Refusing did not touch the file. */
	{
		sqlite3	*db;

		ck_assert_int_eq(sqlite3_open(casepath, &db), SQLITE_OK);
		ck_assert_int_eq(q_int(db, "PRAGMA user_version"),
		    STORE_SCHEMA_VERSION + 1);
		sqlite3_close(db);
	}
}
END_TEST

START_TEST(test_non_sqlite_file_is_refused_and_left_alone)
{
	static const char text[] = "Active Connections\r\n"
	    "  TCP    0.0.0.0:135    0.0.0.0:0    LISTENING    996\r\n";
	struct store	*s;
	char		 back[sizeof text + 16];
	FILE		*fp;
	size_t		 n;

	fp = fopen(casepath, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(text, 1, sizeof text - 1, fp), sizeof text - 1);
	fclose(fp);

	s = store_open(casepath, STORE_CREATE, err, sizeof err);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(err, "not a portsift case file") != NULL, "%s",
	    err);
	ck_assert_ptr_nonnull(strstr(err, casepath));

	fp = fopen(casepath, "rb");
	ck_assert_ptr_nonnull(fp);
	n = fread(back, 1, sizeof back, fp);
	fclose(fp);
	ck_assert_uint_eq(n, sizeof text - 1);
	ck_assert(memcmp(back, text, n) == 0);
}
END_TEST

START_TEST(test_sqlite_db_with_foreign_tables_is_refused)
{
	struct store	*s;
	sqlite3		*db;

	raw_exec(casepath, "CREATE TABLE customers (name TEXT);"
	    " INSERT INTO customers VALUES ('acme')");
	s = store_open(casepath, STORE_CREATE, err, sizeof err);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(err, "not a portsift case file") != NULL, "%s",
	    err);

	ck_assert_int_eq(sqlite3_open(casepath, &db), SQLITE_OK);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM sqlite_master"), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM customers"), 1);
	ck_assert_int_eq(q_int(db, "PRAGMA user_version"), 0);
	sqlite3_close(db);
}
END_TEST

START_TEST(test_directory_is_refused)
{
	struct store	*s;

	s = store_open(dir, STORE_CREATE, err, sizeof err);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(err, "not a regular file"));
}
END_TEST

/* ----------------------------------------------------- transactions */

START_TEST(test_commit_records_digest_size_and_counts)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	long long	 dup = -1;

	begin(s, "netstat.txt");
	snap(s, NULL);
	ck_assert_int_eq(store_capture_end(s, STORE_COMMIT, SHA_A, 98765, 321,
	    4, 7, &dup), 1);
	ck_assert_int_eq(dup, 0);
	ck_assert_int_eq(q_int(db, "SELECT sockets_skipped FROM capture"), 7);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM capture"), 1);
	ck_assert_str_eq(q_text(db, "SELECT sha256 FROM capture"), SHA_A);
	ck_assert_int_eq(q_int(db, "SELECT size FROM capture"), 98765);
	ck_assert_int_eq(q_int(db, "SELECT lines_read FROM capture"), 321);
	ck_assert_int_eq(q_int(db, "SELECT lines_rejected FROM capture"), 4);
	ck_assert_str_eq(q_text(db, "SELECT path FROM capture"), "netstat.txt");
	ck_assert_str_eq(q_text(db, "SELECT format FROM capture"),
	    "windows-netstat");
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM capture"
	    " WHERE ingested_at IS NOT NULL"), 1);
	store_close(s);
}
END_TEST

START_TEST(test_same_sha256_again_is_a_duplicate_and_adds_nothing)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_socket k = mksock("10.1.1.5:50001", "10.0.0.7:1433",
	    ST_TIME_WAIT, 0, NULL, NULL, 7);
	long long	 dup = -1, first;

	begin(s, "a.txt");
	snap(s, NULL);
	put(s, &k);
	ck_assert_int_eq(store_issue(s, 3, "not a netstat line", "junk"), 0);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	ck_assert_int_eq(dup, 0);
	first = q_int(db, "SELECT id FROM capture");

	begin(s, "copy-of-a.txt");
	snap(s, NULL);
	put(s, &k);
	put(s, &k);
	ck_assert_int_eq(store_issue(s, 3, "not a netstat line", "junk"), 0);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 0);
	ck_assert_int_eq(dup, first);

	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM capture"), 1);
	ck_assert_str_eq(q_text(db, "SELECT path FROM capture"), "a.txt");
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM snapshot"), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket"), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM process"), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM issue"), 1);

	/* The store goes on: other bytes are a new capture. */
	begin(s, "b.txt");
	snap(s, NULL);
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_B, &dup), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM capture"), 2);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket"), 2);
	store_close(s);
}
END_TEST

START_TEST(test_rollback_leaves_nothing_and_keeps_what_was_stored_before)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_socket k = mksock("10.1.1.5:50001", "10.0.0.7:1433",
	    ST_ESTABLISHED, 4321, "w3wp.exe", "W3SVC", 7);
	long long	 dup = -1;

	begin(s, "a.txt");
	snap(s, "before");
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);

	begin(s, "b.txt");
	snap(s, "after");
	snap(s, "after");
	put(s, &k);
	k.pid = 99;
	put(s, &k);
	ck_assert_int_eq(store_issue(s, 2, "bad", "x"), 0);
	ck_assert_int_eq(end(s, STORE_ROLLBACK, SHA_B, &dup), 0);
	ck_assert_int_eq(dup, 0);

	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM capture"), 1);
	ck_assert_str_eq(q_text(db, "SELECT path FROM capture"), "a.txt");
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM snapshot"), 1);
	ck_assert_str_eq(q_text(db, "SELECT label FROM snapshot"), "before");
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket"), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM process"), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM issue"), 0);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM capture"
	    " WHERE sha256 IS NULL"), 0);

	/* The rolled-back bytes can be stored afterwards, after snapshot 1. */
	begin(s, "b.txt");
	snap(s, "after");
	k.pid = 4321;
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_B, &dup), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM capture"), 2);
	ck_assert_int_eq(q_int(db, "SELECT max(seq) FROM snapshot"), 2);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket s JOIN process p"
	    " ON p.id = s.process_id AND p.snapshot_id = s.snapshot_id"), 2);
	store_close(s);
}
END_TEST

START_TEST(test_rolled_back_capture_is_gone_after_reopening)
{
	struct store	*s = open_case();
	struct ps_socket k = mksock("10.1.1.5:50001", "10.0.0.7:1433",
	    ST_ESTABLISHED, 4321, NULL, NULL, 7);
	long long	 dup;
	sqlite3		*db;

	begin(s, "a.txt");
	snap(s, NULL);
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_ROLLBACK, SHA_A, &dup), 0);
	store_close(s);

	ck_assert_int_eq(sqlite3_open(casepath, &db), SQLITE_OK);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM capture"), 0);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket"), 0);
	sqlite3_close(db);
}
END_TEST

START_TEST(test_snapshot_seq_counts_on_across_captures)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	long long	 dup, a, b, c;

	begin(s, "a.txt");
	a = snap(s, NULL);
	b = snap(s, NULL);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	begin(s, "b.txt");
	c = snap(s, NULL);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_B, &dup), 1);
	ck_assert(a != b && b != c);
	ck_assert_int_eq(q_int(db, "SELECT group_concat(seq) = '1,2,3' FROM"
	    " (SELECT seq FROM snapshot ORDER BY id)"), 1);
	store_close(s);
}
END_TEST

/* ------------------------------------------------------- processes */

START_TEST(test_sockets_of_one_pid_share_one_process_row_per_snapshot)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_socket k;
	long long	 dup, s1, s2;
	char		 sql[256];
	int		 i;

	begin(s, "a.txt");
	s1 = snap(s, NULL);
	for (i = 0; i < 3; i++) {
		k = mksock("10.1.1.5:50001", "10.0.0.7:1433", ST_ESTABLISHED,
		    4321, "w3wp.exe", NULL, 10 + i);
		k.local.port += i;
		put(s, &k);
	}
	k = mksock("10.1.1.5:50100", "10.0.0.7:1433", ST_TIME_WAIT, 0,
	    NULL, NULL, 20);
	put(s, &k);
	k = mksock("10.1.1.5:50101", "10.0.0.7:1433", ST_TIME_WAIT, 0,
	    NULL, NULL, 21);
	put(s, &k);
	k = mksock("0.0.0.0:135", "0.0.0.0:0", ST_LISTEN, -1, NULL, NULL, 22);
	put(s, &k);
	s2 = snap(s, NULL);
	k = mksock("10.1.1.5:50001", "10.0.0.7:1433", ST_ESTABLISHED, 4321,
	    "w3wp.exe", NULL, 30);
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);

	snprintf(sql, sizeof sql, "SELECT count(*) FROM process"
	    " WHERE snapshot_id = %lld", s1);
	ck_assert_int_eq(q_int(db, sql), 2);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM process"
	    " WHERE snapshot_id = %lld", s2);
	ck_assert_int_eq(q_int(db, sql), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM process"), 3);
	/* One process row per (snapshot, pid), and every socket on its own. */
	snprintf(sql, sizeof sql, "SELECT count(DISTINCT process_id) FROM socket"
	    " WHERE snapshot_id = %lld AND pid = 4321", s1);
	ck_assert_int_eq(q_int(db, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(DISTINCT process_id) FROM socket"
	    " WHERE snapshot_id = %lld AND pid = 0", s1);
	ck_assert_int_eq(q_int(db, sql), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket s JOIN process p"
	    " ON p.id = s.process_id WHERE p.pid <> s.pid"
	    " OR p.snapshot_id <> s.snapshot_id"), 0);
	/* No PID: no process row and no pid. */
	ck_assert(q_null(db, "SELECT process_id FROM socket WHERE line = 22"));
	ck_assert(q_null(db, "SELECT pid FROM socket WHERE line = 22"));
	ck_assert_str_eq(q_text(db, "SELECT image FROM process WHERE pid = 4321"
	    " ORDER BY id LIMIT 1"), "w3wp.exe");
	ck_assert(q_null(db, "SELECT image FROM process WHERE pid = 0"));
	store_close(s);
}
END_TEST

START_TEST(test_socket_with_several_owners_is_one_row_per_owner)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_owner	 more[2] = { { 1201, "nginx" }, { 1202, "nginx" } };
	struct ps_socket k;
	long long	 dup;

	begin(s, "ss.txt");
	snap(s, NULL);
	k = mksock("0.0.0.0:80", "0.0.0.0:0", ST_LISTEN, 1200, "nginx", NULL,
	    5);
	k.more = more;
	k.nmore = 2;
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket"), 3);
	ck_assert_int_eq(q_int(db, "SELECT count(DISTINCT line) FROM socket"), 1);
	ck_assert_str_eq(q_text(db, "SELECT group_concat(pid || ':' || owner_seq)"
	    " FROM (SELECT pid, owner_seq FROM socket ORDER BY owner_seq)"),
	    "1200:1,1201:2,1202:3");
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM process"), 3);
	/* The snapshot still counts one socket. */
	ck_assert_int_eq(q_int(db, "SELECT sockets FROM snapshots"), 1);
	store_close(s);
}
END_TEST

START_TEST(test_many_pids_in_one_snapshot_each_get_their_row)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_socket k;
	long long	 dup;
	long		 pid;

	/* More than the store's first table size, to make it grow. */
	begin(s, "a.txt");
	snap(s, NULL);
	for (pid = 1; pid <= 1000; pid++) {
		k = mksock("10.1.1.5:50001", "10.0.0.7:1433", ST_ESTABLISHED,
		    pid * 4, NULL, NULL, (unsigned long)pid);
		put(s, &k);
		put(s, &k);
	}
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM process"), 1000);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket"), 2000);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket s JOIN process p"
	    " ON p.id = s.process_id WHERE p.pid = s.pid"), 2000);
	store_close(s);
}
END_TEST

START_TEST(test_image_on_a_later_socket_fills_the_process_image)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_socket k;
	long long	 dup;

	begin(s, "a.txt");
	snap(s, NULL);
	k = mksock("10.1.1.5:50001", "10.0.0.20:8080", ST_CLOSE_WAIT, 2288,
	    NULL, NULL, 5);
	put(s, &k);
	ck_assert(q_null(db, "SELECT image FROM process WHERE pid = 2288"));
	k = mksock("0.0.0.0:9090", "0.0.0.0:0", ST_LISTEN, 2288, "java.exe",
	    NULL, 6);
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM process"), 1);
	ck_assert_str_eq(q_text(db, "SELECT image FROM process WHERE pid = 2288"),
	    "java.exe");
	/* Both sockets show it through the view. */
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM sockets"
	    " WHERE process = 'java.exe'"), 2);
	store_close(s);
}
END_TEST

START_TEST(test_service_tags_accumulate_comma_separated_without_duplicates)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	static const char *const tags[] = {
		"RpcSs", "RpcEptMapper", "RpcSs", "Dnscache", "Dns",
		"RpcEptMapper", NULL
	};
	struct ps_socket k;
	long long	 dup;
	int		 i;

	begin(s, "a.txt");
	snap(s, NULL);
	for (i = 0; tags[i] != NULL; i++) {
		k = mksock("0.0.0.0:135", "0.0.0.0:0", ST_LISTEN, 996,
		    "svchost.exe", tags[i], (unsigned long)i + 1);
		put(s, &k);
	}
	/* A socket of the pid with no tag changes nothing. */
	k = mksock("0.0.0.0:136", "0.0.0.0:0", ST_LISTEN, 996, "svchost.exe",
	    NULL, 50);
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	ck_assert_str_eq(q_text(db, "SELECT service FROM process WHERE pid = 996"),
	    "RpcSs,RpcEptMapper,Dnscache,Dns");
	/* Each socket keeps the tag it came with. */
	ck_assert_str_eq(q_text(db, "SELECT service FROM socket WHERE line = 2"),
	    "RpcEptMapper");
	ck_assert_str_eq(q_text(db, "SELECT service FROM sockets WHERE line = 50"),
	    "RpcSs,RpcEptMapper,Dnscache,Dns");
	store_close(s);
}
END_TEST

START_TEST(test_process_event_sets_details_and_service)
{
	struct store		*s = open_case();
	sqlite3			*db = store_sqlite(s);
	struct ps_process	 p;
	struct ps_socket	 k;
	long long		 dup;

	begin(s, "a.txt");
	snap(s, NULL);
	k = mksock("0.0.0.0:135", "0.0.0.0:0", ST_LISTEN, 996, NULL, "RpcSs", 1);
	put(s, &k);
	memset(&p, 0, sizeof p);
	p.pid = 996;
	p.image = "svchost.exe";
	p.service = "RpcEptMapper";
	p.path = "C:\\Windows\\system32\\svchost.exe";
	p.owner = "NT AUTHORITY\\NETWORK SERVICE";
	ck_assert_int_eq(store_process(s, &p), 0);
	p.pid = -1;
	ck_assert_int_eq(store_process(s, &p), 0);	/* ignored */
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM process"), 1);
	ck_assert_str_eq(q_text(db, "SELECT image || '|' || service || '|' ||"
	    " path || '|' || owner FROM process"), "svchost.exe|RpcSs,"
	    "RpcEptMapper|C:\\Windows\\system32\\svchost.exe|"
	    "NT AUTHORITY\\NETWORK SERVICE");
	store_close(s);
}
END_TEST

/* ---------------------------------------------------------- sockets */

START_TEST(test_no_remote_is_stored_as_null)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_socket k;
	long long	 dup;

	begin(s, "a.txt");
	snap(s, NULL);
	k = mksock("0.0.0.0:135", "0.0.0.0:0", ST_LISTEN, 996, NULL, NULL, 1);
	put(s, &k);
	k = mksock("[::]:135", "[::]:0", ST_LISTEN, 996, NULL, NULL, 2);
	put(s, &k);
	k = mksock("0.0.0.0:500", "*:*", ST_UNCONN, 3104, NULL, NULL, 3);
	k.proto = PROTO_UDP;
	k.state_raw = NULL;
	put(s, &k);
	k = mksock("10.1.1.5:50001", "10.0.0.7:1433", ST_ESTABLISHED, 4321,
	    NULL, NULL, 4);
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);

	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket WHERE raddr IS"
	    " NULL AND rport IS NULL AND rzone IS NULL AND rport_name IS NULL"),
	    3);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM socket"
	    " WHERE line IN (1, 2, 3) AND raddr IS NULL"), 3);
	ck_assert_str_eq(q_text(db, "SELECT raddr FROM socket WHERE line = 4"),
	    "10.0.0.7");
	ck_assert_int_eq(q_int(db, "SELECT rport FROM socket WHERE line = 4"),
	    1433);
	/* The local end of a listener is kept, wildcard and all. */
	ck_assert_str_eq(q_text(db, "SELECT laddr FROM socket WHERE line = 2"),
	    "::");
	ck_assert_int_eq(q_int(db, "SELECT family FROM socket WHERE line = 2"),
	    6);
	ck_assert_str_eq(q_text(db, "SELECT proto FROM socket WHERE line = 3"),
	    "udp");
	ck_assert(q_null(db, "SELECT state_raw FROM socket WHERE line = 3"));
	ck_assert_str_eq(q_text(db, "SELECT state FROM socket WHERE line = 3"),
	    "UNCONN");
	store_close(s);
}
END_TEST

START_TEST(test_socket_fields_are_stored_as_given)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_socket k;
	long long	 dup;

	begin(s, "a.txt");
	snap(s, NULL);
	k = mksock("[fe80::1%12]:445", "[fe80::2%12]:50123", ST_ESTABLISHED, 4,
	    NULL, NULL, 11);
	k.state_raw = "HERGESTELLT";
	put(s, &k);
	k = mksock("10.1.1.5:50001", "DESKTOP:https", ST_CLOSE_WAIT, -1, NULL,
	    NULL, 12);
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);

	ck_assert_str_eq(q_text(db, "SELECT proto || '|' || family || '|' ||"
	    " laddr || '|' || lzone || '|' || lport || '|' || raddr || '|' ||"
	    " rzone || '|' || rport || '|' || state || '|' || state_raw ||"
	    " '|' || pid || '|' || resolved FROM socket WHERE line = 11"),
	    "tcp|6|fe80::1|12|445|fe80::2|12|50123|ESTABLISHED|HERGESTELLT|4|1");
	ck_assert_str_eq(q_text(db, "SELECT raddr || '|' || rport_name || '|' ||"
	    " resolved FROM socket WHERE line = 12"), "DESKTOP|https|0");
	ck_assert(q_null(db, "SELECT rport FROM socket WHERE line = 12"));
	ck_assert(q_null(db, "SELECT lzone FROM socket WHERE line = 12"));
	store_close(s);
}
END_TEST

START_TEST(test_text_with_quotes_is_stored_intact)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	long long	 dup;

	begin(s, "it's'); DROP TABLE socket; --.txt");
	snap(s, "o'brien");
	ck_assert_int_eq(store_issue(s, 9, "reason with 'quotes'",
	    "'; DELETE FROM capture; --"), 0);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	ck_assert_str_eq(q_text(db, "SELECT path FROM capture"),
	    "it's'); DROP TABLE socket; --.txt");
	ck_assert_str_eq(q_text(db, "SELECT label FROM snapshot"), "o'brien");
	ck_assert_str_eq(q_text(db, "SELECT excerpt FROM issue"),
	    "'; DELETE FROM capture; --");
	ck_assert_int_eq(q_int(db, "SELECT line FROM issue"), 9);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM sqlite_master"
	    " WHERE name = 'socket'"), 1);
	store_close(s);
}
END_TEST

START_TEST(test_sockets_view_has_the_documented_columns)
{
	static const char *const want[] = {
		"snapshot_id", "seq", "label", "taken_at", "proto", "family",
		"laddr", "lport", "raddr", "rport", "state", "state_raw", "pid",
		"process", "service", "line", NULL
	};
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	sqlite3_stmt	*st;
	int		 i, c, n, found;

	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT * FROM sockets", -1,
	    &st, NULL), SQLITE_OK);
	n = sqlite3_column_count(st);
	for (i = 0; want[i] != NULL; i++) {
		found = 0;
		for (c = 0; c < n; c++)
			if (strcmp(sqlite3_column_name(st, c), want[i]) == 0)
				found++;
		ck_assert_msg(found == 1, "column %s: %d times", want[i], found);
	}
	sqlite3_finalize(st);
	store_close(s);
}
END_TEST

START_TEST(test_sockets_view_joins_snapshot_and_process)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_socket k;
	long long	 dup, id;

	begin(s, "a.txt");
	snap(s, NULL);
	id = snap(s, "after");
	ck_assert_int_eq(store_snapshot_taken_at(s, id, "2026-11-23 14:05:33.12",
	    "text"), 0);
	k = mksock("10.1.1.5:50001", "10.0.0.7:1433", ST_TIME_WAIT, 4321,
	    "w3wp.exe", "W3SVC", 42);
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	ck_assert_str_eq(q_text(db, "SELECT seq || '|' || label || '|' ||"
	    " taken_at || '|' || proto || '|' || family || '|' || laddr || '|'"
	    " || lport || '|' || raddr || '|' || rport || '|' || state || '|'"
	    " || state_raw || '|' || pid || '|' || process || '|' || service"
	    " || '|' || line FROM sockets"),
	    "2|after|2026-11-23 14:05:33.12|tcp|4|10.1.1.5|50001|10.0.0.7|1433|"
	    "TIME_WAIT|TIME_WAIT|4321|w3wp.exe|W3SVC|42");
	ck_assert_int_eq(q_int(db, "SELECT snapshot_id FROM sockets"), id);
	store_close(s);
}
END_TEST

START_TEST(test_process_inferred_marks_unavailable_socket_with_image_of_its_pid)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	struct ps_socket k;
	long long	 dup;

	begin(s, "a.txt");
	snap(s, NULL);
	/* "Can not obtain ownership information" on this one ... */
	k = mksock("10.1.1.5:50001", "10.0.0.20:8080", ST_CLOSE_WAIT, 2288,
	    NULL, NULL, 1);
	k.ownership_unavailable = 1;
	put(s, &k);
	/* ... while another socket of the PID names the image. */
	k = mksock("0.0.0.0:9090", "0.0.0.0:0", ST_LISTEN, 2288, "java.exe",
	    NULL, 2);
	put(s, &k);
	/* Unavailable, and no socket of the PID says more. */
	k = mksock("0.0.0.0:445", "0.0.0.0:0", ST_LISTEN, 4, NULL, NULL, 3);
	k.ownership_unavailable = 1;
	put(s, &k);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);

	ck_assert_int_eq(q_int(db, "SELECT process_inferred FROM sockets"
	    " WHERE line = 1"), 1);
	ck_assert_str_eq(q_text(db, "SELECT process FROM sockets WHERE line = 1"),
	    "java.exe");
	ck_assert_str_eq(q_text(db, "SELECT ownership FROM sockets"
	    " WHERE line = 1"), "unavailable");
	/* The socket that named its image itself is not inferred. */
	ck_assert_int_eq(q_int(db, "SELECT process_inferred IS NOT 1 FROM"
	    " sockets WHERE line = 2"), 1);
	ck_assert_int_eq(q_int(db, "SELECT process_inferred IS NOT 1 FROM"
	    " sockets WHERE line = 3"), 1);
	ck_assert(q_null(db, "SELECT process FROM sockets WHERE line = 3"));
	store_close(s);
}
END_TEST

START_TEST(test_issue_is_stored_with_line_reason_and_excerpt)
{
	struct store	*s = open_case();
	sqlite3		*db = store_sqlite(s);
	long long	 dup;

	begin(s, "a.txt");
	ck_assert_int_eq(store_issue(s, 17, "not a netstat line", "garbage"), 0);
	ck_assert_int_eq(store_issue(s, 0, "file-level problem", NULL), 0);
	ck_assert_int_eq(end(s, STORE_COMMIT, SHA_A, &dup), 1);
	ck_assert_str_eq(q_text(db, "SELECT line || '|' || reason || '|' ||"
	    " excerpt FROM issue WHERE line = 17"),
	    "17|not a netstat line|garbage");
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM issue WHERE line IS NULL"
	    " AND excerpt IS NULL AND reason = 'file-level problem'"), 1);
	ck_assert_int_eq(q_int(db, "SELECT count(*) FROM issue i JOIN capture c"
	    " ON c.id = i.capture_id"), 2);
	store_close(s);
}
END_TEST

Suite *
suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("store");

	tc = tcase_create("file");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_new_case_file_is_created_mode_0600);
	tcase_add_test(tc, test_new_case_file_has_current_user_version);
	tcase_add_test(tc, test_existing_case_file_opens_read_and_keeps_its_data);
	tcase_add_test(tc, test_missing_file_in_read_mode_is_refused_and_not_created);
	tcase_add_test(tc, test_newer_schema_version_is_refused_naming_both_versions);
	tcase_add_test(tc, test_non_sqlite_file_is_refused_and_left_alone);
	tcase_add_test(tc, test_sqlite_db_with_foreign_tables_is_refused);
	tcase_add_test(tc, test_directory_is_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("transactions");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_commit_records_digest_size_and_counts);
	tcase_add_test(tc, test_same_sha256_again_is_a_duplicate_and_adds_nothing);
	tcase_add_test(tc, test_rollback_leaves_nothing_and_keeps_what_was_stored_before);
	tcase_add_test(tc, test_rolled_back_capture_is_gone_after_reopening);
	tcase_add_test(tc, test_snapshot_seq_counts_on_across_captures);
	suite_add_tcase(s, tc);

	tc = tcase_create("processes");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_sockets_of_one_pid_share_one_process_row_per_snapshot);
	tcase_add_test(tc, test_many_pids_in_one_snapshot_each_get_their_row);
	tcase_add_test(tc, test_socket_with_several_owners_is_one_row_per_owner);
	tcase_add_test(tc, test_image_on_a_later_socket_fills_the_process_image);
	tcase_add_test(tc, test_service_tags_accumulate_comma_separated_without_duplicates);
	tcase_add_test(tc, test_process_event_sets_details_and_service);
	suite_add_tcase(s, tc);

	tc = tcase_create("sockets");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_no_remote_is_stored_as_null);
	tcase_add_test(tc, test_socket_fields_are_stored_as_given);
	tcase_add_test(tc, test_text_with_quotes_is_stored_intact);
	tcase_add_test(tc, test_sockets_view_has_the_documented_columns);
	tcase_add_test(tc, test_sockets_view_joins_snapshot_and_process);
	tcase_add_test(tc, test_process_inferred_marks_unavailable_socket_with_image_of_its_pid);
	tcase_add_test(tc, test_issue_is_stored_with_line_reason_and_excerpt);
	suite_add_tcase(s, tc);

	return s;
}

#include "tests/unit/run_suite.h"
