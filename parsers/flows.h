/*
 * flows.h — TCP and UDP connections tracked from packets, for the readers
 * that see packets one by one (pcap.c, tshark_fields.c).
 *
 * A reader turns each packet into a struct packet and hands it to the
 * tracker; the tracker keeps one entry per live connection, follows it
 * through SYN, SYN-ACK, FIN and RST, and sends it to the sink as one
 * struct ps_flow (record.h) once it is over, or at the end of the input.
 * Memory is bounded by the connections alive (and those closed in the last
 * FLOW_LINGER_SECONDS of capture time), never by the size of the input.
 *
 * Which side is local (record.h: the side that opened the connection):
 * - a SYN without ACK opens a flow: its sender is local (local_opened 1);
 * - a SYN-ACK first (the capture began mid-handshake): its receiver is
 *   local (local_opened 1, midstream 1, answered_at set);
 * - any other first packet (mid-stream): the end with the higher port is
 *   taken for the client and called local, the sender on a tie
 *   (local_opened -1, midstream 1);
 * - UDP: the sender of the first packet (local_opened -1).
 * The receiver may still turn a flow round (--local CIDR).
 *
 * When a flow is over:
 * - TCP: a RST (refused when it answers a SYN that had no SYN-ACK), or a
 *   FIN each way; the entry lingers FLOW_LINGER_SECONDS of capture time for
 *   the last ACKs, then the flow is sent.  A SYN on a tuple whose flow is
 *   over starts a new flow (port reuse); a SYN on a flow waiting for its
 *   SYN-ACK is a retransmission (syns + 1); a SYN on a flow past its
 *   handshake also starts a new flow (the old one's end was not captured).
 * - SYN_RECEIVED: a SYN-ACK was seen and local never sent after it (a
 *   half-open connection: a SYN flood, a dead client).
 * - UDP: after UDP_IDLE_SECONDS without a packet either way.
 * Entries are swept as capture time passes, so a flow is sent without
 * waiting for the end of the input.
 */
#ifndef PARSERS_FLOWS_H
#define PARSERS_FLOWS_H

#include "parsers/record.h"

#define TCP_FIN		0x01
#define TCP_SYN		0x02
#define TCP_RST		0x04
#define TCP_PSH		0x08
#define TCP_ACK		0x10

#define UDP_IDLE_SECONDS	60.0	/* a quiet UDP flow is over */
#define FLOW_LINGER_SECONDS	10.0	/* a closed TCP flow waits for its last ACKs */

struct packet {
	double		 ts;		/* on the tracker's clock */
	unsigned long	 line;		/* frame number, or text line */
	enum proto	 proto;
	int		 family;	/* 4 or 6 */
	unsigned char	 src[16];	/* network order; IPv4 in the first 4 */
	unsigned char	 dst[16];
	int		 sport, dport;
	unsigned	 flags;		/* TCP_*; 0 for UDP */
	unsigned long	 len;		/* payload bytes */
};

struct tracker;

/* NULL when out of memory.  clock: what packet.ts counts. */
struct tracker	*tracker_open(const struct ps_sink *, enum flow_clock);
void		 tracker_packet(struct tracker *, const struct packet *);
/* Sends every flow still held, then frees. */
void		 tracker_close(struct tracker *);

/* Fills ep from a binary address (canonical text) and a port. */
void		 flow_endpoint(struct endpoint *ep, int family,
		    const unsigned char *addr, int port);

#endif /* PARSERS_FLOWS_H */
