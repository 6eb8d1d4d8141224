/* SP_REQREP: SP_REQ load-balances requests over its peers and gets their
 * replies; SP_REP fair-queues requests and routes each reply back the way
 * its request came. Names and numbers are xio's. */
#ifndef ZMX_XIO_SP_REQREP_H
#define ZMX_XIO_SP_REQREP_H

#include <xio/sp.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SP_REQREP_VERSION 0x0001

/* Types. */
#define SP_REQ         1
#define SP_REP         2

/* Options. */
enum {
	SP_PROXY  =   0,   /* int eid: join an SP_REQ and an SP_REP into a proxy */
	SP_REQ_LBS,        /* int strategy, or struct ulhash_attr (SP_REQ) */
	SP_REQ_RRBIN_WEIGHT,   /* struct rrbin_attr (SP_REQ) */
};

/* Load-balancing strategies of SP_REQ. */
enum {
	SP_REQ_RRBIN  =  0,
	SP_REQ_ULHASH,
	SP_REQ_CONSISTENT_HASH,
};

struct rrbin_attr {
	int fd;
	int weight;
};

typedef uint32_t (*ulhash) (char *ubuf);

/* zmx: SP_REQ_LBS with a hash function of the caller's. A bare int
 * SP_REQ_ULHASH hashes the ubuf's bytes instead. */
struct ulhash_attr {
	int lbs;        /* SP_REQ_ULHASH */
	ulhash hash;
};

#ifdef __cplusplus
}
#endif
#endif
