/* SP_BUS: a message reaches every directly connected member except its
 * sender, once; members never forward. The type is SP_BUS too:
 * sp_endpoint (SP_BUS, SP_BUS). Names and numbers are xio's. */
#ifndef ZMX_XIO_SP_BUS_H
#define ZMX_XIO_SP_BUS_H

#include <xio/sp.h>

#define SP_BUS_VERSION 0x0001

#endif
