/* zmq_utils.h: kept for programs written for libzmq 2.x and 3.x, which
   found the stopwatch, sleep and thread helpers here. libzmq 4 declares
   them all in zmq.h and ships this header empty and deprecated; zmx's
   includes zmq.h, so such programs build unchanged. */
#ifndef ZMQ_UTILS_H_INCLUDED
#define ZMQ_UTILS_H_INCLUDED

#include "zmq.h"

#endif
