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
 * a message waiting, then answer as STATISTICS does and return 0.
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

#undef ZMX_EXPORT

#ifdef __cplusplus
}
#endif

#endif
