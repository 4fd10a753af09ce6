# Makefile — builds portsift, its Check suites, and runs every test.
#
#   make            build ./portsift
#   make check      build, then run the unit suites, the end-to-end scripts and
#                   the browser test of the HTML report (headless Chromium)
#   make asan       the same tests against an ASan + UBSan build (in build-asan/)
#   make browser    only the browser test (pages, pictures, PDFs in build/browser/)
#   make screenshot the browser test, then docs/report.png from its picture
#   make demo       analyze the bundled Windows sample
#   make bench      ingest benchmark against sqlite3's .import (not part of check)
#
# Every target installs missing Debian packages first (scripts/deps.sh).

VERSION  = 0.1.0
CC      ?= cc
BUILD   ?= build
PKGS     = libpcre2-8 sqlite3 libpcap
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
CPPFLAGS_ALL = -I. -I$(BUILD) -D_GNU_SOURCE -DPORTSIFT_VERSION='"$(VERSION)"'  $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

LIB_SRCS = $(wildcard parsers/*.c db/*.c reports/*.c) $(filter-out cli/main.c,$(wildcard cli/*.c))
LIB_OBJS = $(LIB_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/db/sql_embed.o
SQL      = $(sort $(wildcard db/*.sql))
UNIT_SRCS = $(wildcard tests/unit/check_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
HDRS     = $(wildcard parsers/*.h db/*.h reports/*.h cli/*.h tests/unit/*.h)

all: deps portsift

deps:
	@sh scripts/deps.sh

portsift: $(BUILD)/portsift
	@if [ "$(BUILD)" = build ]; then cp $(BUILD)/portsift portsift; fi

$(BUILD)/portsift: $(BUILD)/cli/main.o $(BUILD)/libportsift.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libportsift.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c $(HDRS) $(BUILD)/db/sql_embed.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

# The schema and views are .sql files; they are embedded as C strings so
# that `sqlite3 case.db` shows users exactly what the reports use.
$(BUILD)/db/sql_embed.c $(BUILD)/db/sql_embed.h &: $(SQL) scripts/embed-sql.sh
	@mkdir -p $(BUILD)/db
	sh scripts/embed-sql.sh $(BUILD)/db/sql_embed $(SQL)

$(BUILD)/db/sql_embed.o: $(BUILD)/db/sql_embed.c
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libportsift.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS) $(WARN) -Wno-missing-prototypes -o $@ $< $(BUILD)/libportsift.a $(LIBS) $(CHECK_LIBS)

unit: deps $(UNIT_BINS) $(BUILD)/portsift
	@fail=0; for t in $(UNIT_BINS); do \
		PORTSIFT=$(CURDIR)/$(BUILD)/portsift CK_DEFAULT_TIMEOUT=60 $$t || fail=1; \
	done; exit $$fail

e2e: deps $(BUILD)/portsift
	@PORTSIFT=$(CURDIR)/$(BUILD)/portsift sh tests/e2e/run.sh

# The HTML report in headless Chromium: no network request, no console
# error, print layout, screenshots; closes with "browser: N passed, M failed".
browser: deps $(BUILD)/portsift
	@PORTSIFT=$(CURDIR)/$(BUILD)/portsift BROWSER_OUT=$(CURDIR)/$(BUILD)/browser \
		sh tests/browser/html-report.sh

screenshot: deps $(BUILD)/portsift
	@PORTSIFT=$(CURDIR)/$(BUILD)/portsift BROWSER_OUT=$(CURDIR)/$(BUILD)/browser \
		sh tests/browser/html-report.sh --docs

# The closing line "N passed, N failed" adds up every suite and case; the
# exit status is that of the tests, not of tee.
check: deps portsift
	@{ $(MAKE) --no-print-directory -k unit e2e browser BUILD=$(BUILD); \
		echo $$? > $(BUILD)/check.status; } 2>&1 | tee $(BUILD)/check.log; \
	sh tests/summary.sh $(BUILD)/check.log; \
	exit $$(cat $(BUILD)/check.status)

asan: deps
	@$(MAKE) --no-print-directory check BUILD=build-asan \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined"

demo: all
	./portsift analyze samples/windows-exhaustion/netstat.txt

bench: all
	sh scripts/bench.sh

clean:
	rm -rf build build-asan portsift

.PHONY: all deps portsift unit e2e browser screenshot check asan demo bench clean
