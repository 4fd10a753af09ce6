/*
 * flows.c — the packet tracker of flows.h: TCP and UDP connections followed
 * packet by packet, and sent to the sink as one struct ps_flow each.
 *
 * Owns the table of live connections.  An entry is keyed by protocol,
 * family and the unordered pair of endpoints, so both directions of a
 * connection find it; the entry keeps which end is local (index 0 of its
 * addr/port arrays) and the times of SYN, SYN-ACK, FINs and RST.
 *
 * Entries live in one array that grows by doubling (no allocation per
 * packet), found through a chained hash table of indices that grows with
 * them, and recycled through a free list.  An entry that waits for its end
 * sits on one of two lists kept in the order of the tracker's clock: a TCP
 * connection that is over (RST, or a FIN each way) on `closing`, to be sent
 * FLOW_LINGER_SECONDS later; every UDP flow on `quiet`, moved to its tail
 * at each packet, to be sent UDP_IDLE_SECONDS after its last one.  Both
 * lists are swept from their heads at every packet, so memory follows the
 * connections alive, not the input.
 *
 * A SYN without ACK on a known tuple is one more SYN of the same flow while
 * that flow waits for its handshake; it starts a new flow (and the old one
 * is sent at once) when the old one is over, or was past its handshake
 * (local answered the SYN-ACK, or it was picked up mid-stream): its end was
 * then not captured, and the tuple is being reused.
 *
 * The tracker's clock is the highest packet time seen: a capture whose
 * timestamps go slightly backwards moves no list out of order and never
 * makes last_seen go back.  With FLOW_CLOCK_NONE nothing is swept by time
 * (a finished TCP flow still ends when a SYN reuses its tuple) and every
 * time of a flow is FLOW_NEVER.
 *
 * The state sent is the state at last_seen from local's side:
 *   RST                        CLOSED
 *   FIN each way, local first  TIME_WAIT
 *   FIN each way, remote first CLOSED
 *   local FIN only             FIN_WAIT_2
 *   remote FIN only            CLOSE_WAIT
 *   SYN not answered           SYN_SENT
 *   SYN-ACK, nothing from local after it
 *                              SYN_RECEIVED (half-open: the handshake's last
 *                              ACK never came, which is what the server of
 *                              a SYN flood or of a dead client holds)
 *   otherwise, and UDP         ESTABLISHED
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/flows.h"

#define NONE		UINT32_MAX	/* no entry: end of a chain or list */
#define FIRST_CAP	256		/* entries (and buckets) at first */

enum list {
	LIST_NONE,
	LIST_CLOSING,
	LIST_QUIET
};

struct entry {
	/* Key: index 0 is local, 1 remote. */
	enum proto	 proto;
	int		 family;
	unsigned char	 addr[2][16];
	int		 port[2];

	uint32_t	 hnext;		/* hash chain; free list when unused */
	uint32_t	 prev, next;	/* closing or quiet list */
	enum list	 list;
	int		 used;

	double		 done_at;	/* tracker clock when over */
	double		 touched;	/* tracker clock at the last packet */
	int		 over;		/* RST, or a FIN each way */
	int		 local_answered; /* local sent after the SYN-ACK */

	int		 local_opened;
	int		 midstream;
	double		 first_seen, last_seen;
	double		 syn_at, answered_at;
	double		 local_fin_at, remote_fin_at;
	double		 reset_at;
	enum flow_side	 reset_by;
	int		 refused;
	unsigned long	 syns;
	unsigned long	 packets;
	unsigned long long bytes;
	unsigned long	 line;
};

struct tracker {
	const struct ps_sink	*sink;
	enum flow_clock		 clock;
	double			 now;		/* highest packet time seen */
	int			 started;

	struct entry		*ent;
	uint32_t		 cap;		/* entries allocated */
	uint32_t		 nused;
	uint32_t		 freelist;

	uint32_t		*bucket;
	uint32_t		 nbucket;	/* a power of two */

	uint32_t		 closing_head, closing_tail;
	uint32_t		 quiet_head, quiet_tail;

	int			 oom_said;
};

static int	 grow_entries(struct tracker *);
static int	 grow_buckets(struct tracker *);
static uint32_t	 hash_packet(const struct packet *);
static uint32_t	 hash_entry(const struct entry *);
static uint32_t	 hash_ends(enum proto, int, const unsigned char *, int,
		    const unsigned char *, int);
static uint32_t	 lookup(struct tracker *, const struct packet *, int *);
static uint32_t	 create(struct tracker *, const struct packet *);
static void	 unhash(struct tracker *, uint32_t);
static void	 list_remove(struct tracker *, uint32_t);
static void	 list_append(struct tracker *, uint32_t, enum list);
static void	 finish(struct tracker *, uint32_t);
static void	 sweep(struct tracker *);
static void	 apply(struct entry *, const struct packet *, int);
static void	 send_flow(struct tracker *, const struct entry *);
static enum state flow_state(const struct entry *);
static int	 by_line(const void *, const void *);

/* An entry left at the end, for sending in the order of first packets. */
struct order {
	unsigned long	line;
	uint32_t	i;
};

struct tracker *
tracker_open(const struct ps_sink *sink, enum flow_clock clock)
{
	struct tracker	*t;
	uint32_t	 i;

	assert(sink != NULL);
	if ((t = calloc(1, sizeof *t)) == NULL)
		return NULL;
	t->sink = sink;
	t->clock = clock;
	t->freelist = NONE;
	t->closing_head = t->closing_tail = NONE;
	t->quiet_head = t->quiet_tail = NONE;
	t->nbucket = FIRST_CAP;
	if ((t->bucket = malloc(t->nbucket * sizeof *t->bucket)) == NULL) {
		free(t);
		return NULL;
	}
	for (i = 0; i < t->nbucket; i++)
		t->bucket[i] = NONE;
	return t;
}

void
tracker_packet(struct tracker *t, const struct packet *p)
{
	struct entry	*e;
	uint32_t	 i;
	int		 from_local;
	int		 syn_only;

	assert(p->family == 4 || p->family == 6);
	assert(p->proto == PROTO_TCP || p->proto == PROTO_UDP);

	if (t->clock != FLOW_CLOCK_NONE) {
		if (!t->started || p->ts > t->now)
			t->now = p->ts;
		t->started = 1;
		sweep(t);
	}

	syn_only = p->proto == PROTO_TCP &&
	    (p->flags & (TCP_SYN | TCP_ACK)) == TCP_SYN;
	i = lookup(t, p, &from_local);
	if (i != NONE && syn_only && (t->ent[i].over ||
	    t->ent[i].local_answered || t->ent[i].local_opened == -1)) {
		/*
		 * Port reuse: the old connection is over, or past its
		 * handshake (its end was not captured): send it now.
		 */
		finish(t, i);
		i = NONE;
	}
	if (i == NONE) {
		if ((i = create(t, p)) == NONE)
			return;
		from_local = memcmp(t->ent[i].addr[0], p->src,
		    p->family == 4 ? 4 : 16) == 0 &&
		    t->ent[i].port[0] == p->sport;
	}
	e = &t->ent[i];
	apply(e, p, from_local);
	e->touched = t->now;
	if (e->proto == PROTO_UDP)
		list_append(t, i, LIST_QUIET);
	else if (e->over && e->list != LIST_CLOSING) {
		e->done_at = t->now;
		list_append(t, i, LIST_CLOSING);
	}
}

void
tracker_close(struct tracker *t)
{
	struct order	*order;
	uint32_t	 i, n;

	if (t == NULL)
		return;
	/* What is left goes out in the order of its first packet. */
	order = malloc((t->nused ? t->nused : 1) * sizeof *order);
	if (order != NULL) {
		for (i = 0, n = 0; i < t->cap; i++) {
			if (!t->ent[i].used)
				continue;
			order[n].line = t->ent[i].line;
			order[n++].i = i;
		}
		assert(n == t->nused);
		qsort(order, n, sizeof *order, by_line);
		for (i = 0; i < n; i++)
			finish(t, order[i].i);
		free(order);
	} else {
		for (i = 0; i < t->cap; i++)
			if (t->ent[i].used)
				finish(t, i);
	}
	assert(t->nused == 0);
	free(t->ent);
	free(t->bucket);
	free(t);
}

void
flow_endpoint(struct endpoint *ep, int family, const unsigned char *addr,
    int port)
{
	assert(family == 4 || family == 6);
	memset(ep, 0, sizeof *ep);
	if (inet_ntop(family == 4 ? AF_INET : AF_INET6, addr, ep->addr,
	    sizeof ep->addr) == NULL)
		ep->addr[0] = '\0';
	ep->port = port;
	ep->numeric = 1;
}

/* ---------------------------------------------------------------- table */

static uint32_t
hash_ends(enum proto proto, int family, const unsigned char *a, int pa,
    const unsigned char *b, int pb)
{
	uint32_t	ha = 2166136261u, hb = 2166136261u, h;
	size_t		i, n = family == 4 ? 4 : 16;

	for (i = 0; i < n; i++) {
		ha = (ha ^ a[i]) * 16777619u;
		hb = (hb ^ b[i]) * 16777619u;
	}
	ha = (ha ^ (uint32_t)pa) * 16777619u;
	hb = (hb ^ (uint32_t)pb) * 16777619u;
	/* Order does not matter: both directions hash alike. */
	h = ha + hb + (uint32_t)proto * 31u + (uint32_t)family;
	h ^= h >> 16;
	h *= 0x45d9f3bu;
	h ^= h >> 16;
	return h;
}

static uint32_t
hash_packet(const struct packet *p)
{
	return hash_ends(p->proto, p->family, p->src, p->sport, p->dst,
	    p->dport);
}

static uint32_t
hash_entry(const struct entry *e)
{
	return hash_ends(e->proto, e->family, e->addr[0], e->port[0],
	    e->addr[1], e->port[1]);
}

/* The entry of p's connection, or NONE; *from_local: p was sent by local. */
static uint32_t
lookup(struct tracker *t, const struct packet *p, int *from_local)
{
	const struct entry	*e;
	uint32_t		 i;
	size_t			 n = p->family == 4 ? 4 : 16;

	for (i = t->bucket[hash_packet(p) & (t->nbucket - 1)]; i != NONE;
	    i = e->hnext) {
		e = &t->ent[i];
		assert(e->used);
		if (e->proto != p->proto || e->family != p->family)
			continue;
		if (e->port[0] == p->sport && e->port[1] == p->dport &&
		    memcmp(e->addr[0], p->src, n) == 0 &&
		    memcmp(e->addr[1], p->dst, n) == 0) {
			*from_local = 1;
			return i;
		}
		if (e->port[1] == p->sport && e->port[0] == p->dport &&
		    memcmp(e->addr[1], p->src, n) == 0 &&
		    memcmp(e->addr[0], p->dst, n) == 0) {
			*from_local = 0;
			return i;
		}
	}
	return NONE;
}

static int
grow_entries(struct tracker *t)
{
	struct entry	*ne;
	uint32_t	 ncap, i;

	ncap = t->cap ? t->cap * 2 : FIRST_CAP;
	if (ncap <= t->cap || ncap == NONE)
		return -1;
	if ((ne = realloc(t->ent, (size_t)ncap * sizeof *ne)) == NULL)
		return -1;
	t->ent = ne;
	/* The new entries join the free list, lowest index first. */
	for (i = ncap; i-- > t->cap; ) {
		memset(&ne[i], 0, sizeof ne[i]);
		ne[i].hnext = t->freelist;
		t->freelist = i;
	}
	t->cap = ncap;
	return 0;
}

static int
grow_buckets(struct tracker *t)
{
	uint32_t	*nb, n, i, h;

	n = t->nbucket * 2;
	if ((nb = malloc((size_t)n * sizeof *nb)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		nb[i] = NONE;
	for (i = 0; i < t->cap; i++) {
		if (!t->ent[i].used)
			continue;
		h = hash_entry(&t->ent[i]) & (n - 1);
		t->ent[i].hnext = nb[h];
		nb[h] = i;
	}
	free(t->bucket);
	t->bucket = nb;
	t->nbucket = n;
	return 0;
}

/* A new entry for the connection of p's first packet, or NONE. */
static uint32_t
create(struct tracker *t, const struct packet *p)
{
	struct entry	*e;
	uint32_t	 i, h;
	int		 swap;

	if (t->freelist == NONE && grow_entries(t) == -1)
		goto oom;
	if (t->nused + 1 > t->nbucket && grow_buckets(t) == -1)
		goto oom;
	i = t->freelist;
	e = &t->ent[i];
	assert(!e->used);
	t->freelist = e->hnext;
	memset(e, 0, sizeof *e);
	e->used = 1;
	e->prev = e->next = NONE;
	e->list = LIST_NONE;
	e->proto = p->proto;
	e->family = p->family;

	/* Which end is local: flows.h. */
	if (p->proto == PROTO_UDP) {
		swap = 0;
		e->local_opened = -1;
	} else if ((p->flags & (TCP_SYN | TCP_ACK)) == TCP_SYN) {
		swap = 0;
		e->local_opened = 1;
	} else if ((p->flags & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK)) {
		swap = 1;
		e->local_opened = 1;
		e->midstream = 1;
	} else {
		swap = p->dport > p->sport;
		e->local_opened = -1;
		e->midstream = 1;
	}
	/* IPv4 is the first 4 bytes; the rest stays zero whatever p holds. */
	memcpy(e->addr[swap], p->src, p->family == 4 ? 4 : 16);
	e->port[swap] = p->sport;
	memcpy(e->addr[!swap], p->dst, p->family == 4 ? 4 : 16);
	e->port[!swap] = p->dport;

	e->first_seen = e->last_seen = p->ts;
	e->syn_at = e->answered_at = FLOW_NEVER;
	e->local_fin_at = e->remote_fin_at = e->reset_at = FLOW_NEVER;
	e->reset_by = FLOW_SIDE_NONE;
	e->line = p->line;

	h = hash_entry(e) & (t->nbucket - 1);
	e->hnext = t->bucket[h];
	t->bucket[h] = i;
	t->nused++;
	return i;
oom:
	if (!t->oom_said) {
		t->oom_said = 1;
		t->sink->issue(t->sink->ctx, p->line, "out of memory for one "
		    "more connection: packets of new connections are dropped",
		    NULL);
	}
	return NONE;
}

static void
unhash(struct tracker *t, uint32_t i)
{
	uint32_t	*pp;

	for (pp = &t->bucket[hash_entry(&t->ent[i]) & (t->nbucket - 1)];
	    *pp != NONE; pp = &t->ent[*pp].hnext) {
		if (*pp == i) {
			*pp = t->ent[i].hnext;
			return;
		}
	}
	assert(!"entry not in its chain");
}

static void
list_remove(struct tracker *t, uint32_t i)
{
	struct entry	*e = &t->ent[i];
	uint32_t	*head, *tail;

	if (e->list == LIST_NONE)
		return;
	head = e->list == LIST_CLOSING ? &t->closing_head : &t->quiet_head;
	tail = e->list == LIST_CLOSING ? &t->closing_tail : &t->quiet_tail;
	if (e->prev != NONE)
		t->ent[e->prev].next = e->next;
	else
		*head = e->next;
	if (e->next != NONE)
		t->ent[e->next].prev = e->prev;
	else
		*tail = e->prev;
	e->prev = e->next = NONE;
	e->list = LIST_NONE;
}

/* To the tail of a list (from wherever the entry was). */
static void
list_append(struct tracker *t, uint32_t i, enum list which)
{
	struct entry	*e = &t->ent[i];
	uint32_t	*head, *tail;

	assert(which != LIST_NONE);
	list_remove(t, i);
	head = which == LIST_CLOSING ? &t->closing_head : &t->quiet_head;
	tail = which == LIST_CLOSING ? &t->closing_tail : &t->quiet_tail;
	e->list = which;
	e->prev = *tail;
	e->next = NONE;
	if (*tail != NONE)
		t->ent[*tail].next = i;
	else
		*head = i;
	*tail = i;
}

/* Send entry i and free it. */
static void
finish(struct tracker *t, uint32_t i)
{
	struct entry	*e = &t->ent[i];

	assert(e->used);
	send_flow(t, e);
	list_remove(t, i);
	unhash(t, i);
	e->used = 0;
	e->hnext = t->freelist;
	t->freelist = i;
	assert(t->nused > 0);
	t->nused--;
}

/* Send what has lingered or idled long enough by the tracker's clock. */
static void
sweep(struct tracker *t)
{
	uint32_t	i;

	while ((i = t->closing_head) != NONE &&
	    t->now - t->ent[i].done_at >= FLOW_LINGER_SECONDS)
		finish(t, i);
	while ((i = t->quiet_head) != NONE &&
	    t->now - t->ent[i].touched >= UDP_IDLE_SECONDS)
		finish(t, i);
}

/* ---------------------------------------------------------------- state */

static void
apply(struct entry *e, const struct packet *p, int from_local)
{
	unsigned	fl = p->proto == PROTO_TCP ? p->flags : 0;

	e->packets++;
	e->bytes += p->len;
	if (p->ts > e->last_seen)
		e->last_seen = p->ts;
	if (p->ts < e->first_seen)
		e->first_seen = p->ts;
	if (p->proto != PROTO_TCP)
		return;

	if ((fl & (TCP_SYN | TCP_ACK)) == TCP_SYN) {
		/* The first SYN, or one more (retransmitted) on this flow. */
		e->syns++;
		if (e->syn_at == FLOW_NEVER)
			e->syn_at = p->ts;
	} else if ((fl & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK)) {
		if (!from_local && e->answered_at == FLOW_NEVER)
			e->answered_at = p->ts;
	}
	if (from_local && e->answered_at != FLOW_NEVER &&
	    (fl & TCP_SYN) == 0)
		e->local_answered = 1;

	if ((fl & TCP_RST) != 0 && e->reset_at == FLOW_NEVER) {
		e->reset_at = p->ts;
		e->reset_by = from_local ? FLOW_SIDE_LOCAL : FLOW_SIDE_REMOTE;
		if (!from_local && e->syn_at != FLOW_NEVER &&
		    e->answered_at == FLOW_NEVER)
			e->refused = 1;
		e->over = 1;
	}
	if ((fl & TCP_FIN) != 0) {
		if (from_local && e->local_fin_at == FLOW_NEVER)
			e->local_fin_at = p->ts;
		else if (!from_local && e->remote_fin_at == FLOW_NEVER)
			e->remote_fin_at = p->ts;
		if (e->local_fin_at != FLOW_NEVER &&
		    e->remote_fin_at != FLOW_NEVER)
			e->over = 1;
	}
}

static enum state
flow_state(const struct entry *e)
{
	if (e->proto == PROTO_UDP)
		return ST_ESTABLISHED;
	if (e->reset_at != FLOW_NEVER)
		return ST_CLOSED;
	if (e->local_fin_at != FLOW_NEVER && e->remote_fin_at != FLOW_NEVER)
		return e->local_fin_at <= e->remote_fin_at ? ST_TIME_WAIT :
		    ST_CLOSED;
	if (e->local_fin_at != FLOW_NEVER)
		return ST_FIN_WAIT_2;
	if (e->remote_fin_at != FLOW_NEVER)
		return ST_CLOSE_WAIT;
	if (e->syn_at != FLOW_NEVER && e->answered_at == FLOW_NEVER)
		return ST_SYN_SENT;
	if (e->answered_at != FLOW_NEVER && !e->local_answered)
		return ST_SYN_RECEIVED;
	return ST_ESTABLISHED;
}

static double
when(const struct tracker *t, double at)
{
	return t->clock == FLOW_CLOCK_NONE ? FLOW_NEVER : at;
}

static void
send_flow(struct tracker *t, const struct entry *e)
{
	struct ps_flow	f;

	memset(&f, 0, sizeof f);
	f.proto = e->proto;
	f.family = e->family;
	flow_endpoint(&f.local, e->family, e->addr[0], e->port[0]);
	flow_endpoint(&f.remote, e->family, e->addr[1], e->port[1]);
	f.local_opened = e->local_opened;
	f.midstream = e->midstream;
	f.clock = t->clock;
	f.first_seen = when(t, e->first_seen);
	f.last_seen = when(t, e->last_seen);
	f.syn_at = when(t, e->syn_at);
	f.answered_at = when(t, e->answered_at);
	f.local_fin_at = when(t, e->local_fin_at);
	f.remote_fin_at = when(t, e->remote_fin_at);
	f.reset_at = when(t, e->reset_at);
	f.reset_by = e->reset_by;
	f.refused = e->refused;
	f.syns = e->syns;
	f.packets = e->packets;
	f.bytes = e->bytes;
	f.state = flow_state(e);
	f.state_raw = NULL;
	f.line = e->line;
	if (t->sink->flow != NULL)
		t->sink->flow(t->sink->ctx, &f);
}

static int
by_line(const void *a, const void *b)
{
	const struct order	*x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}
