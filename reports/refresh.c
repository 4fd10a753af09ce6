/*
 * refresh.c — computing the analysis tables from their views, in order.
 *
 * The SQL text here is built from the constant names below, never from
 * input.  The store marks the analyses stale (meta 'analyses') whenever it
 * commits a capture; a refresh marks them fresh.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "reports/refresh.h"

const char *const analysis_tables[] = {
	"port_share",
	"state_mix",
	"remote_concentration",
	"pool_pressure",
	"snapshot_pressure",
	"time_wait_endpoint",
	"time_wait_attribution",
	"trend",
	"pressure_trend",
	"flow_destination",
	NULL
};

/* Tables looked up by snapshot (and owner). */
static const char *const indexes[] = {
	"CREATE INDEX port_share_snapshot ON port_share(snapshot_id, owner_key)",
	"CREATE INDEX state_mix_snapshot ON state_mix(snapshot_id, owner_key)",
	"CREATE INDEX remote_concentration_snapshot"
	    " ON remote_concentration(snapshot_id, owner_key)",
	"CREATE INDEX pool_pressure_snapshot ON pool_pressure(snapshot_id)",
	"CREATE INDEX time_wait_endpoint_snapshot"
	    " ON time_wait_endpoint(snapshot_id, raddr, rport)",
	"CREATE INDEX flow_destination_capture"
	    " ON flow_destination(capture_id, daddr, dport)",
	NULL
};

static int
exec(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
	char	*msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "computing the analyses: %s",
		    msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Case files of early development builds had these names as views. */
static int
is_view(sqlite3 *db, const char *name)
{
	sqlite3_stmt	*st;
	int		 view = 0;

	if (sqlite3_prepare_v2(db, "SELECT type = 'view' FROM sqlite_master"
	    " WHERE name = ?1", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		view = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return view;
}

int
analysis_refresh(sqlite3 *db, char *err, size_t errlen)
{
	const char *const	*t;
	char			 sql[256];

	if (exec(db, "SAVEPOINT refresh", err, errlen) == -1)
		return -1;
	for (t = analysis_tables; *t != NULL; t++) {
		snprintf(sql, sizeof sql, "DROP %s IF EXISTS main.%s;"
		    " CREATE TABLE main.%s AS SELECT * FROM v_%s",
		    is_view(db, *t) ? "VIEW" : "TABLE", *t, *t, *t);
		if (exec(db, sql, err, errlen) == -1)
			goto fail;
	}
	for (t = indexes; *t != NULL; t++)
		if (exec(db, *t, err, errlen) == -1)
			goto fail;
	/* New analyses: the findings must be made from them again. */
	if (exec(db, "INSERT OR REPLACE INTO meta (key, value)"
	    " VALUES ('analyses', 'fresh'); DELETE FROM meta"
	    " WHERE key = 'findings'", err, errlen) == -1)
		goto fail;
	return exec(db, "RELEASE refresh", err, errlen);
fail:
	sqlite3_exec(db, "ROLLBACK TO refresh; RELEASE refresh", NULL, NULL,
	    NULL);
	return -1;
}

int
analysis_refresh_if_stale(sqlite3 *db, char *err, size_t errlen)
{
	sqlite3_stmt	*st;
	int		 fresh = 0;

	if (sqlite3_prepare_v2(db, "SELECT (SELECT value FROM meta"
	    " WHERE key = 'analyses') = 'fresh' AND (SELECT count(*)"
	    " FROM sqlite_master WHERE type = 'table' AND name = 'port_share')",
	    -1, &st, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "reading the case: %s", sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		fresh = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return fresh ? 0 : analysis_refresh(db, err, errlen);
}
