/* SP_PUBSUB: every SP_SUB gets every message its SP_PUB sends once it is
 * connected. Names and numbers are xio's. */
#ifndef ZMX_XIO_SP_PUBSUB_H
#define ZMX_XIO_SP_PUBSUB_H

#include <xio/sp.h>

#define SP_PUBSUB_VERSION 0x0001

/* Types. */
#define SP_PUB         1
#define SP_SUB         2

#endif
