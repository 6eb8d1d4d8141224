/* zmx's extensions to the zmq API, in libzmq.so.5 beside libzmq 4.3's
 * functions (docs/extensions.md). Include it after <zmq.h>; a program that
 * uses them runs on zmx only.
 *
 * Load balancing: DEALER, PUSH and REQ send each message to one peer,
 * chosen by the socket's policy (ZMX_LB_POLICY):
 *   ZMX_LB_ROUND_ROBIN      libzmq's: the next peer with room (default)
 *   ZMX_LB_WEIGHTED         round robin in proportion to each peer's weight
 *                           (zmx_set_peer_weight; 1 unless set)
 *   ZMX_LB_USER_HASH        the peer at hash(key) modulo the peer count
 *   ZMX_LB_CONSISTENT_HASH  the peer owning hash(key) on a hash ring: a peer
 *                           joining or leaving moves about 1/n of the keys
 *   ZMX_LB_BROADCAST        every peer gets a copy (DEALER only; a send waits
 *                           until all have room)
 * The key of a message is its first frame, or what ZMX_LB_KEY set for it
 * (REQ: the first frame of the request, not its delimiter). A hash policy
 * whose peer has no room makes the send wait: the key keeps its peer. */
#ifndef ZMX_H_INCLUDED
#define ZMX_H_INCLUDED

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined __GNUC__ || defined __clang__
#define ZMX_EXPORT __attribute__ ((visibility ("default")))
#else
#define ZMX_EXPORT
#endif

/* Socket options (zmq_setsockopt / zmq_getsockopt). */
#define ZMX_LB_POLICY 4001   /* int: a ZMX_LB_* policy */
#define ZMX_LB_KEY 4002      /* binary, up to 255 bytes, set only: the key of
                                the next message sent */
#define ZMX_PEERS_LOST 4003  /* int64_t, get only: how many peers this socket
                                has lost since it was created; what was sent
                                to a lost peer and not answered is lost */

#define ZMX_LB_ROUND_ROBIN 0
#define ZMX_LB_WEIGHTED 1
#define ZMX_LB_USER_HASH 2
#define ZMX_LB_CONSISTENT_HASH 3
#define ZMX_LB_BROADCAST 4

/* ZMX_LB_WEIGHTED: the weight (>= 1) of the peers reached through endpoint,
 * as given to zmq_connect or reported by ZMQ_LAST_ENDPOINT for a bind; it
 * holds for later connections through it too. 0, or -1 with errno: ENOTSOCK,
 * EINVAL (bad weight or endpoint, or not a DEALER, PUSH or REQ). */
ZMX_EXPORT int zmx_set_peer_weight (void *socket, const char *endpoint, int weight);

/* The hash of a key for ZMX_LB_USER_HASH and ZMX_LB_CONSISTENT_HASH. */
typedef uint32_t (zmx_hash_fn) (const void *key, size_t size, void *hint);

/* Replaces the key hash (NULL restores zmx's own, FNV-1a with a final mix).
 * 0, or -1 with errno: ENOTSOCK, EINVAL (not a DEALER, PUSH or REQ). */
ZMX_EXPORT int zmx_set_lb_hash (void *socket, zmx_hash_fn *hash, void *hint);

/* zmq_proxy_steerable with options (flags, ZMX_PROXY_*; control may be
 * NULL). The control socket also takes "DRAIN": relay until neither side has
 * a message waiting, then answer as STATISTICS does and return 0; and
 * "SOCKET_STATS", answered with two frames, the frontend's then the
 * backend's struct zmx_socket_stats (below) in this library's size, so
 * another thread can watch the sockets the proxy owns.
 * 0 after TERMINATE or a finished DRAIN; otherwise -1 with errno: EINVAL
 * (unknown flags, or a control message that is not a command), EFAULT (a
 * socket missing or invalid), ETERM, EINTR, or a failed send's error. */
ZMX_EXPORT int zmx_proxy (void *frontend, void *backend, void *capture, void *control, int flags);

/* A message the receiving side refuses at once (ROUTER_MANDATORY's
 * EHOSTUNREACH, a full peer's EAGAIN) is dropped instead of ending the
 * proxy: STATISTICS counts it received, not sent. ROUTER, STREAM, PUB and
 * XPUB are sent to without waiting for room (it is per peer); the other
 * types are read from only while the other side has room, as in zmq_proxy. */
#define ZMX_PROXY_DROP_REFUSED 1

/* ---- Observability (docs/observability.md) ----------------------------
 *
 * A socket's traffic and losses. The struct grows at its end, never
 * changes what is there: pass sizeof your struct as size, and zmx writes
 * that many bytes, so a program built with an older zmx.h gets the fields
 * it knows. size below ZMX_SOCKET_STATS_MIN_SIZE (the four traffic
 * counters, in every version) or above the library's struct is EINVAL.
 * Counters count from the socket's creation; "now" fields are gauges. */
struct zmx_socket_stats {
    uint64_t msgs_sent;       /* complete messages handed to peers */
    uint64_t bytes_sent;      /* bytes of every frame of them */
    uint64_t msgs_received;   /* complete messages taken from peers */
    uint64_t bytes_received;
    /* Dropped, and why. */
    uint64_t dropped_hwm;         /* PUB, XPUB, RADIO, ROUTER: a peer at its high-water
                                     mark missed the message (one per peer missed) */
    uint64_t dropped_unroutable;  /* ROUTER, SERVER: sent to a routing id no peer has
                                     (with ROUTER_MANDATORY, refused EHOSTUNREACH) */
    uint64_t dropped_conflated;   /* ZMQ_CONFLATE: replaced by a newer one unread */
    uint64_t dropped_oversize;    /* frames over ZMQ_MAXMSGSIZE: each ends its connection */
    uint64_t dropped_peer_lost;   /* still queued to a peer when it went */
    /* Queued now, in the pipes to and from the peers (the peer's reader
     * acknowledges in steps of half the high-water mark, as
     * zmq_socket_monitor_pipes_stats reports). */
    uint64_t queued_out;
    uint64_t queued_in;
    uint64_t peers_now;          /* pipes to peers: connected, or being connected */
    uint64_t peers_total;        /* pipes ever made */
    uint64_t reconnects;         /* connect attempts retried (ZMQ_EVENT_CONNECT_RETRIED) */
    uint64_t handshake_failures; /* ZMQ_EVENT_HANDSHAKE_FAILED_* */
};
#define ZMX_SOCKET_STATS_MIN_SIZE (4 * sizeof (uint64_t))

/* Fills stats with size bytes of the socket's figures. From the thread
 * using the socket (as zmq_getsockopt), any thread for a thread-safe type.
 * 0, or -1 with errno: ENOTSOCK, EFAULT (stats null), EINVAL (size), ETERM. */
ZMX_EXPORT int zmx_socket_stats (void *socket, struct zmx_socket_stats *stats, size_t size);

/* One peer of a socket: what went each way through its pipe. Versioned by
 * size as zmx_socket_stats is. */
struct zmx_peer_stats {
    uint64_t msgs_sent;
    uint64_t bytes_sent;
    uint64_t msgs_received;
    uint64_t bytes_received;
    uint64_t queued_out;
    uint64_t queued_in;
    uint64_t dropped_conflated;
    uint64_t routing_id_size;       /* bytes of routing_id; 0 if it announced none */
    unsigned char routing_id[256];  /* as a ROUTER would name it */
    char local_address[256];        /* the connection's ends ("tcp://127.0.0.1:5555"), */
    char remote_address[256];       /* "" when unknown or inproc */
    char endpoint[256];             /* the endpoint bound or connected it came through */
};
#define ZMX_PEER_STATS_MIN_SIZE (4 * sizeof (uint64_t))

/* The index-th peer (from 0) of the socket, in no particular order; the
 * order holds until a peer comes or goes. Returns how many peers the
 * socket has, and writes stats only when index is below that, so
 *   for (i = 0; zmx_peer_stats (s, i, &p, sizeof p) > (int) i; i++) ...
 * walks them all. -1 with errno as zmx_socket_stats. Strings are cut to
 * fit and always end with a NUL. */
ZMX_EXPORT int zmx_peer_stats (void *socket, size_t index, struct zmx_peer_stats *stats, size_t size);

/* Monitor events (zmq_socket_monitor_versioned, version 2 only: they
 * lie beyond the 16 bits of version 1). A socket that drops at the
 * high-water mark (dropped_hwm above) raises ZMX_EVENT_DROPPING once, on
 * the first drop, with the count that message dropped; and
 * ZMX_EVENT_DROPPING_STOPPED once, at the first message after them that
 * reaches every peer it was for, with the count dropped in the episode. */
#define ZMX_EVENT_DROPPING (1ULL << 40)
#define ZMX_EVENT_DROPPING_STOPPED (1ULL << 41)

#undef ZMX_EXPORT

#ifdef __cplusplus
}
#endif

#endif
