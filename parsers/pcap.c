/*
 * pcap.c — packet captures (pcap and pcapng) read with libpcap, into flows.
 *
 * Reads what tcpdump -w, tshark -w, dumpcap and Wireshark save: classic
 * pcap in either byte order, with microsecond or nanosecond stamps, and
 * pcapng.  Link types: Ethernet (802.1Q, 802.1ad and QinQ tags), Linux
 * cooked SLL and SLL2, raw IP (DLT_RAW, LINKTYPE_IPV4, LINKTYPE_IPV6), and
 * BSD loopback (DLT_NULL, DLT_LOOP; the family in either byte order, IPv6
 * as 24, 28 or 30).  Another link type is one issue naming it and nothing
 * else.
 *
 * Each frame is cut down to IPv4 (options skipped by IHL; fragments other
 * than the first counted as skipped) or IPv6 (hop-by-hop, routing,
 * destination-options, fragment and AH headers walked), then TCP or UDP;
 * it becomes a struct packet for the tracker of flows.h, which owns the
 * connections.  Other frames (ARP, ICMP, ...) go to sink->skipped.  A frame
 * too short for its headers, or whose headers make no sense, is an issue
 * with its frame number; after ISSUES_MAX of them the rest are counted and
 * said once at the end.  One bad frame never stops the reading; a file cut
 * short stops it with one issue, and what came before is kept.
 *
 * Payload bytes come from the IP length fields, not from what was
 * captured, so a capture made with a small snap length still counts them;
 * an IPv4 total length of 0 (TCP segmentation offload on the capturing
 * host) falls back to the bytes captured.
 *
 * The caller's FILE: pcap_close() fcloses the FILE given to
 * pcap_fopen_offline(), so libpcap is given a FILE of its own, made with
 * fopencookie() over the caller's, whose close does nothing.  The caller
 * keeps its stream and closes it itself.  Owns nothing past read().
 */
#include <sys/types.h>

#include <assert.h>
#include <errno.h>
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "parsers/flows.h"
#include "parsers/format.h"

#define ISSUES_MAX	5	/* frame issues said one by one */

#ifndef DLT_LINUX_SLL2
#define DLT_LINUX_SLL2	276
#endif
#ifndef DLT_IPV4
#define DLT_IPV4	228
#endif
#ifndef DLT_IPV6
#define DLT_IPV6	229
#endif

struct reader {
	const struct ps_sink	*sink;
	struct tracker		*tracker;
	int			 dlt;
	unsigned long		 frame;
	unsigned long		 bad;		/* truncated or garbled frames */
	unsigned long		 first_unsaid;	/* first frame not said */
};

static int	sniff_bytes(const unsigned char *, size_t);
static int	pcap_read(FILE *, const struct ps_sink *,
		    const struct parse_opts *, char *, size_t);
static ssize_t	cookie_read(void *, char *, size_t);
static int	cookie_seek(void *, off64_t *, int);
static int	cookie_close(void *);
static void	frame(struct reader *, const struct pcap_pkthdr *,
		    const unsigned char *);
static void	network(struct reader *, int, double, const unsigned char *,
		    size_t);
static void	ipv4(struct reader *, double, const unsigned char *, size_t);
static void	ipv6(struct reader *, double, const unsigned char *, size_t);
static void	transport(struct reader *, struct packet *, int,
		    const unsigned char *, size_t, size_t);
static void	bad(struct reader *, const char *, size_t, size_t);
static unsigned	be16(const unsigned char *);
static uint32_t	be32(const unsigned char *);
static uint32_t	le32(const unsigned char *);

const struct format format_pcap = {
	.name = "pcap",
	.system = "packet capture",
	.commands = "tcpdump -w FILE, tshark -w FILE, dumpcap, Wireshark: "
	    "pcap or pcapng",
	.reads = "TCP and UDP connections, followed packet by packet",
	.sniff_bytes = sniff_bytes,
	.read = pcap_read,
	.flows = 1,
};

static int
sniff_bytes(const unsigned char *b, size_t n)
{
	static const unsigned char magic[][4] = {
		{ 0xd4, 0xc3, 0xb2, 0xa1 },	/* pcap, little endian, us */
		{ 0xa1, 0xb2, 0xc3, 0xd4 },	/* pcap, big endian, us */
		{ 0x4d, 0x3c, 0xb2, 0xa1 },	/* pcap, little endian, ns */
		{ 0xa1, 0xb2, 0x3c, 0x4d },	/* pcap, big endian, ns */
		{ 0x0a, 0x0d, 0x0d, 0x0a },	/* pcapng section header */
	};
	size_t	i;

	if (n < 4)
		return 0;
	for (i = 0; i < sizeof magic / sizeof magic[0]; i++)
		if (memcmp(b, magic[i], 4) == 0)
			return 100;
	return 0;
}

/* ------------------------------------------------------ the caller's FILE */

static ssize_t
cookie_read(void *cookie, char *buf, size_t len)
{
	FILE	*fp = cookie;
	size_t	 n;

	n = fread(buf, 1, len, fp);
	if (n == 0 && ferror(fp))
		return -1;
	return (ssize_t)n;
}

static int
cookie_seek(void *cookie, off64_t *off, int whence)
{
	FILE	*fp = cookie;
	off_t	 at;

	if (fseeko(fp, (off_t)*off, whence) == -1)
		return -1;
	if ((at = ftello(fp)) == -1)
		return -1;
	*off = at;
	return 0;
}

/* libpcap closes its FILE; the caller's stays open. */
static int
cookie_close(void *cookie)
{
	(void)cookie;
	return 0;
}

/* ---------------------------------------------------------------- read */

static int
pcap_read(FILE *fp, const struct ps_sink *sink, const struct parse_opts *opts,
    char *err, size_t errlen)
{
	static const cookie_io_functions_t io = {
		.read = cookie_read,
		.seek = cookie_seek,
		.close = cookie_close,
	};
	struct reader		 r;
	struct pcap_pkthdr	*hdr;
	const unsigned char	*data;
	char			 ebuf[PCAP_ERRBUF_SIZE];
	char			 reason[256], text[128];
	const char		*name;
	FILE			*mine;
	pcap_t			*p;
	int			 rc;

	(void)opts;
	assert(fp != NULL && sink != NULL);
	if ((mine = fopencookie(fp, "r", io)) == NULL) {
		snprintf(err, errlen, "cannot read the capture: %s",
		    strerror(errno));
		return -1;
	}
	ebuf[0] = '\0';
	p = pcap_fopen_offline_with_tstamp_precision(mine,
	    PCAP_TSTAMP_PRECISION_NANO, ebuf);
	if (p == NULL) {
		/* libpcap leaves the FILE to us when it fails. */
		fclose(mine);
		snprintf(err, errlen, "not a capture libpcap can read: %s",
		    ebuf[0] != '\0' ? ebuf : "unknown reason");
		return -1;
	}

	memset(&r, 0, sizeof r);
	r.sink = sink;
	r.dlt = pcap_datalink(p);
	switch (r.dlt) {
	case DLT_EN10MB:
	case DLT_LINUX_SLL:
	case DLT_LINUX_SLL2:
	case DLT_RAW:
	case DLT_IPV4:
	case DLT_IPV6:
	case DLT_NULL:
	case DLT_LOOP:
		break;
	default:
		name = pcap_datalink_val_to_name(r.dlt);
		snprintf(reason, sizeof reason, "capture of link type %s "
		    "(DLT %d), which portsift does not read: it reads "
		    "Ethernet, Linux cooked (SLL, SLL2), raw IP and BSD "
		    "loopback", name != NULL ? name : "unknown", r.dlt);
		snprintf(text, sizeof text, "link type %s (%d): %s",
		    name != NULL ? name : "unknown", r.dlt,
		    pcap_datalink_val_to_description_or_dlt(r.dlt));
		sink->issue(sink->ctx, 0, reason, text);
		pcap_close(p);
		return 0;
	}
	if ((r.tracker = tracker_open(sink, FLOW_CLOCK_EPOCH)) == NULL) {
		pcap_close(p);
		snprintf(err, errlen, "out of memory");
		return -1;
	}

	while ((rc = pcap_next_ex(p, &hdr, &data)) == 1) {
		r.frame++;
		frame(&r, hdr, data);
	}
	if (rc == PCAP_ERROR) {
		/* A file cut short: what came before it stands. */
		snprintf(reason, sizeof reason, "the capture stops after frame "
		    "%lu: %s", r.frame, pcap_geterr(p));
		snprintf(text, sizeof text, "frame %lu", r.frame + 1);
		sink->issue(sink->ctx, r.frame + 1, reason, text);
	}
	if (r.bad > ISSUES_MAX) {
		snprintf(reason, sizeof reason, "%lu more truncated or garbled "
		    "frames, the first of them frame %lu", r.bad - ISSUES_MAX,
		    r.first_unsaid);
		snprintf(text, sizeof text, "frame %lu", r.first_unsaid);
		sink->issue(sink->ctx, r.first_unsaid, reason, text);
	}
	tracker_close(r.tracker);
	pcap_close(p);
	return 0;
}

/* A frame too short or garbled: an issue, or a count past ISSUES_MAX. */
static void
bad(struct reader *r, const char *what, size_t have, size_t need)
{
	char	reason[192], text[128];

	r->bad++;
	if (r->bad > ISSUES_MAX) {
		if (r->bad == ISSUES_MAX + 1)
			r->first_unsaid = r->frame;
		return;
	}
	if (need > have) {
		snprintf(reason, sizeof reason, "truncated frame: %s needs %zu "
		    "bytes, %zu captured", what, need, have);
	} else
		snprintf(reason, sizeof reason, "garbled frame: %s", what);
	snprintf(text, sizeof text, "frame %lu (%s)", r->frame,
	    pcap_datalink_val_to_name(r->dlt) != NULL ?
	    pcap_datalink_val_to_name(r->dlt) : "link type");
	r->sink->issue(r->sink->ctx, r->frame, reason, text);
}

static unsigned
be16(const unsigned char *b)
{
	return (unsigned)b[0] << 8 | b[1];
}

static uint32_t
be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

static uint32_t
le32(const unsigned char *b)
{
	return (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 |
	    (uint32_t)b[1] << 8 | b[0];
}

/* The link layer, down to an ethertype or an IP version. */
static void
frame(struct reader *r, const struct pcap_pkthdr *h, const unsigned char *d)
{
	size_t		n = h->caplen, off;
	unsigned	type;
	uint32_t	fam;
	double		ts;

	/* PCAP_TSTAMP_PRECISION_NANO: tv_usec holds nanoseconds. */
	ts = (double)h->ts.tv_sec + (double)h->ts.tv_usec / 1e9;

	switch (r->dlt) {
	case DLT_EN10MB:
		if (n < 14) {
			bad(r, "Ethernet header", n, 14);
			return;
		}
		type = be16(d + 12);
		off = 14;
		while (type == 0x8100 || type == 0x88a8 || type == 0x9100) {
			if (n < off + 4) {
				bad(r, "VLAN tag", n, off + 4);
				return;
			}
			type = be16(d + off + 2);
			off += 4;
		}
		network(r, (int)type, ts, d + off, n - off);
		return;
	case DLT_LINUX_SLL:
		if (n < 16) {
			bad(r, "Linux cooked (SLL) header", n, 16);
			return;
		}
		network(r, (int)be16(d + 14), ts, d + 16, n - 16);
		return;
	case DLT_LINUX_SLL2:
		if (n < 20) {
			bad(r, "Linux cooked (SLL2) header", n, 20);
			return;
		}
		network(r, (int)be16(d), ts, d + 20, n - 20);
		return;
	case DLT_NULL:
	case DLT_LOOP:
		if (n < 4) {
			bad(r, "loopback header", n, 4);
			return;
		}
		/*
		 * The family in host order (DLT_NULL) or network order
		 * (DLT_LOOP) of whichever machine wrote it: try both.
		 */
		fam = le32(d);
		if (fam != 2 && fam != 24 && fam != 28 && fam != 30)
			fam = be32(d);
		if (fam == 2)
			network(r, 0x0800, ts, d + 4, n - 4);
		else if (fam == 24 || fam == 28 || fam == 30)
			network(r, 0x86dd, ts, d + 4, n - 4);
		else
			r->sink->skipped(r->sink->ctx, "non-IP frame", r->frame);
		return;
	case DLT_IPV4:
		network(r, 0x0800, ts, d, n);
		return;
	case DLT_IPV6:
		network(r, 0x86dd, ts, d, n);
		return;
	case DLT_RAW:
		if (n < 1) {
			bad(r, "IP header", n, 1);
			return;
		}
		network(r, d[0] >> 4 == 6 ? 0x86dd : 0x0800, ts, d, n);
		return;
	default:
		assert(!"link type not checked in pcap_read");
	}
}

static void
network(struct reader *r, int ethertype, double ts, const unsigned char *d,
    size_t n)
{
	if (ethertype == 0x0800)
		ipv4(r, ts, d, n);
	else if (ethertype == 0x86dd)
		ipv6(r, ts, d, n);
	else
		r->sink->skipped(r->sink->ctx, "non-IP frame", r->frame);
}

static void
ipv4(struct reader *r, double ts, const unsigned char *d, size_t n)
{
	struct packet	p;
	size_t		ihl, total;

	if (n < 20) {
		bad(r, "IPv4 header", n, 20);
		return;
	}
	if (d[0] >> 4 != 4) {
		bad(r, "IPv4 header of another IP version", 0, 0);
		return;
	}
	ihl = (size_t)(d[0] & 0x0f) * 4;
	total = be16(d + 2);
	if (ihl < 20) {
		bad(r, "IPv4 header length below 20 bytes", 0, 0);
		return;
	}
	if (n < ihl) {
		bad(r, "IPv4 header with options", n, ihl);
		return;
	}
	if (total == 0)			/* segmentation offload */
		total = n;
	if (total < ihl) {
		bad(r, "IPv4 total length shorter than its header", 0, 0);
		return;
	}
	if ((be16(d + 6) & 0x1fff) != 0) {
		r->sink->skipped(r->sink->ctx, "IP fragment", r->frame);
		return;
	}

	memset(&p, 0, sizeof p);
	p.ts = ts;
	p.line = r->frame;
	p.family = 4;
	memcpy(p.src, d + 12, 4);
	memcpy(p.dst, d + 16, 4);
	transport(r, &p, d[9], d + ihl, n - ihl, total - ihl);
}

static void
ipv6(struct reader *r, double ts, const unsigned char *d, size_t n)
{
	struct packet	p;
	size_t		off, len, payload;
	int		next;

	if (n < 40) {
		bad(r, "IPv6 header", n, 40);
		return;
	}
	if (d[0] >> 4 != 6) {
		bad(r, "IPv6 header of another IP version", 0, 0);
		return;
	}
	payload = be16(d + 4);
	if (payload == 0)		/* jumbogram, or offload */
		payload = n - 40;
	next = d[6];
	off = 40;
	for (;;) {
		switch (next) {
		case 0:		/* hop-by-hop options */
		case 43:	/* routing */
		case 60:	/* destination options */
			if (n < off + 2) {
				bad(r, "IPv6 extension header", n, off + 2);
				return;
			}
			len = ((size_t)d[off + 1] + 1) * 8;
			break;
		case 44:	/* fragment */
			if (n < off + 8) {
				bad(r, "IPv6 fragment header", n, off + 8);
				return;
			}
			if ((be16(d + off + 2) & 0xfff8) != 0) {
				r->sink->skipped(r->sink->ctx, "IP fragment",
				    r->frame);
				return;
			}
			len = 8;
			break;
		case 51:	/* authentication header */
			if (n < off + 2) {
				bad(r, "IPv6 authentication header", n,
				    off + 2);
				return;
			}
			len = ((size_t)d[off + 1] + 2) * 4;
			break;
		default:
			goto done;
		}
		if (n < off + len) {
			bad(r, "IPv6 extension header", n, off + len);
			return;
		}
		if (payload < off + len - 40) {
			bad(r, "IPv6 extension headers longer than the "
			    "payload length", 0, 0);
			return;
		}
		next = d[off];
		off += len;
	}
done:
	memset(&p, 0, sizeof p);
	p.ts = ts;
	p.line = r->frame;
	p.family = 6;
	memcpy(p.src, d + 8, 16);
	memcpy(p.dst, d + 24, 16);
	transport(r, &p, next, d + off, n - off, payload - (off - 40));
}

/*
 * d[0..n) captured of a transport segment that is len bytes long by the IP
 * header: TCP or UDP to the tracker, anything else skipped.
 */
static void
transport(struct reader *r, struct packet *p, int proto,
    const unsigned char *d, size_t n, size_t len)
{
	size_t	hl, ulen;

	if (proto == 6) {
		/* Ports, data offset and flags are in the first 14 bytes. */
		if (n < 14) {
			bad(r, "TCP header", n, 14);
			return;
		}
		hl = (size_t)(d[12] >> 4) * 4;
		if (hl < 20 || hl > len) {
			bad(r, "TCP data offset outside the segment", 0, 0);
			return;
		}
		p->proto = PROTO_TCP;
		p->flags = d[13] & (TCP_FIN | TCP_SYN | TCP_RST | TCP_PSH |
		    TCP_ACK);
		p->len = len - hl;
	} else if (proto == 17) {
		if (n < 8) {
			bad(r, "UDP header", n, 8);
			return;
		}
		if (len < 8) {
			bad(r, "UDP datagram shorter than its header", 0, 0);
			return;
		}
		ulen = be16(d + 4);
		/* The UDP length when it is sane, else the IP one. */
		p->proto = PROTO_UDP;
		p->len = ulen >= 8 && ulen <= len ? ulen - 8 : len - 8;
	} else {
		r->sink->skipped(r->sink->ctx, proto == 1 ? "ICMP" :
		    proto == 58 ? "ICMPv6" : "IP protocol other than TCP and "
		    "UDP", r->frame);
		return;
	}
	p->sport = (int)be16(d);
	p->dport = (int)be16(d + 2);
	tracker_packet(r->tracker, p);
}
